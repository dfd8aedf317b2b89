import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describeError, describeHttpFailure, errorExtension, errorKindOf, isUnauthenticated } from '../error-message';

const apiError = (code: string | undefined, message = 'server text') =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] });

describe('errorKindOf', () => {
  it('takes the kind from extensions.code', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']) {
      assert.equal(errorKindOf(apiError(code)), code);
    }
  });

  it('ignores the message text', () => {
    assert.equal(errorKindOf(apiError(undefined, 'UNAUTHENTICATED: sign in first')), 'UNEXPECTED');
    assert.equal(errorKindOf(apiError('FORBIDDEN', 'not found')), 'FORBIDDEN');
  });

  it('treats unknown codes as unexpected', () => {
    assert.equal(errorKindOf(apiError('INTERNAL_SERVER_ERROR')), 'UNEXPECTED');
    assert.equal(errorKindOf(apiError('GRAPHQL_VALIDATION_FAILED')), 'UNEXPECTED');
  });

  it('uses the first known code among several errors', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('a', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
        new GraphQLError('b', { extensions: { code: 'NOT_FOUND' } }),
        new GraphQLError('c', { extensions: { code: 'FORBIDDEN' } }),
      ],
    });
    assert.equal(errorKindOf(error), 'NOT_FOUND');
  });

  it('reports a network failure as NETWORK even with GraphQL errors', () => {
    const error = new CombinedError({
      networkError: new TypeError('fetch failed'),
      graphQLErrors: [new GraphQLError('x', { extensions: { code: 'FORBIDDEN' } })],
    });
    assert.equal(errorKindOf(error), 'NETWORK');
  });
});

describe('describeError', () => {
  it('words each kind differently and never echoes the server text for auth errors', () => {
    const kinds = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNEXPECTED'];
    const messages = kinds.map((code) => describeError(apiError(code, 'raw server words')).message);
    assert.equal(new Set(messages).size, kinds.length);
    for (const message of messages) assert.doesNotMatch(message, /raw server words/);
    assert.equal(describeError(apiError('FORBIDDEN', 'raw server words')).detail, undefined);
  });

  it('keeps the server explanation as detail for input and conflict errors', () => {
    const described = describeError(apiError('BAD_USER_INPUT', "path '../x' leaves the workspace"));
    assert.equal(described.kind, 'BAD_USER_INPUT');
    assert.equal(described.detail, "path '../x' leaves the workspace");
    assert.equal(describeError(apiError('CONFLICT', 'version 3 is not current')).detail, 'version 3 is not current');
  });

  it('lets the caller choose the words for a kind', () => {
    const wording = { UNAUTHENTICATED: 'That e-mail address and password do not match.' };
    assert.equal(describeError(apiError('UNAUTHENTICATED'), wording).message, wording.UNAUTHENTICATED);
    assert.notEqual(describeError(apiError('FORBIDDEN'), wording).message, wording.UNAUTHENTICATED);
  });
});

describe('isUnauthenticated', () => {
  it('is true only for UNAUTHENTICATED', () => {
    assert.equal(isUnauthenticated(apiError('UNAUTHENTICATED')), true);
    assert.equal(isUnauthenticated(apiError('FORBIDDEN')), false);
    assert.equal(isUnauthenticated(undefined), false);
    assert.equal(isUnauthenticated(null), false);
  });
});

describe('errorExtension', () => {
  it('reads a detail from the error of the given code', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('missing', { extensions: { code: 'BAD_USER_INPUT', missing: ['files/a.txt'] } })],
    });
    assert.deepEqual(errorExtension(error, 'BAD_USER_INPUT', 'missing'), ['files/a.txt']);
    assert.equal(errorExtension(error, 'CONFLICT', 'missing'), undefined);
    assert.equal(errorExtension(null, 'BAD_USER_INPUT', 'missing'), undefined);
  });
});

describe('describeHttpFailure', () => {
  it('words the code of a JSON error body and keeps input details', () => {
    const described = describeHttpFailure(413, { error: { code: 'BAD_USER_INPUT', message: 'upload is larger than the limit' } });
    assert.equal(described.kind, 'BAD_USER_INPUT');
    assert.equal(described.detail, 'upload is larger than the limit');
    assert.equal(describeHttpFailure(403, { error: { code: 'FORBIDDEN', message: 'x' } }).detail, undefined);
  });

  it('treats no response as a network failure and odd bodies as unexpected', () => {
    assert.equal(describeHttpFailure(0, null).kind, 'NETWORK');
    assert.equal(describeHttpFailure(502, '<html>').kind, 'UNEXPECTED');
  });
});
