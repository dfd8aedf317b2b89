/**
 * Trees: the canonical encoding and the operations over any `TreeStore`.
 * The implementation is split by role (codec, reads, batch edits); import from here.
 */
export { decodeTree, EMPTY_TREE_ID, encodeTree, hashEncodedTree, hashTree } from './tree-codec';
export { countFiles, directoryEntry, getEntry, listDirectory, walkTree } from './tree-read';
export { editTree, type TreeEdit } from './tree-edit';
