// Entry point of the worker that writes bundles (see serveBundleWriter).
import type { Endpoint } from './protocol';
import { serveBundleWriter } from './serveBundleWriter';

serveBundleWriter(self as unknown as Endpoint);
