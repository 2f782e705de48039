// Entry point of the worker that writes bundles: a thin shell over serveBundleWriter.
import { serveBundleWriter } from '../bundle/serveBundleWriter';
import type { Endpoint } from '../bundle/workerProtocol';

serveBundleWriter(self as unknown as Endpoint);
