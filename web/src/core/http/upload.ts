import { describeHttpFailure, type ErrorMessage } from '../errors/error-message';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadHandle {
  /** Settles with null on success, or the error to show. Never rejects. */
  done: Promise<ErrorMessage | null>;
  abort(): void;
}

/**
 * PUTs `body` to `url` with XMLHttpRequest, whose upload progress events
 * fetch() does not offer. The session cookie goes along (same origin).
 */
export function uploadWithProgress(
  url: string,
  body: Blob,
  onProgress: (progress: UploadProgress) => void,
  /** Preconditions: `If-None-Match: *` (only to a free name) or `If-Match: "<version>"`. */
  headers: Record<string, string> = {},
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ErrorMessage | null>((resolve) => {
    xhr.open('PUT', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // Marks the write as the dashboard's own; the API refuses cookie writes a foreign page could forge.
    xhr.setRequestHeader('X-Stagecoach-Request', '1');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress({ loaded: body.size, total: body.size });
        resolve(null);
        return;
      }
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): described as unexpected.
      }
      resolve(describeHttpFailure(xhr.status, parsed));
    };
    xhr.onerror = () => resolve(describeHttpFailure(0, null));
    xhr.onabort = () => resolve({ kind: 'UNEXPECTED', message: 'The upload was cancelled.' });
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
