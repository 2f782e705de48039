// An in-memory IndexedDB for every renderer test. Tests run in Node by default (its Blob
// survives IndexedDB's structured clone; jsdom's does not); component tests opt into jsdom.
import 'fake-indexeddb/auto';
