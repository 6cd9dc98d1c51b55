/**
 * Photo upload for a product. Without JavaScript it is a plain multipart form posted to the edit
 * page. Enhanced, it sends each photo on its own with XMLHttpRequest to the JSON API (one after
 * another: kinder to a slow connection), with a progress bar per file, then shows the new list.
 */
import { useRef, useState, type SubmitEvent } from 'react';

interface Strings {
  choose: string;
  upload: string;
  remaining: string;
  tooMany: string;
  waiting: string;
  uploading: string;
  processing: string;
  done: string;
  tooLarge: string;
  invalid: string;
  full: string;
  failed: string;
  signedOut: string;
  reload: string;
  none: string;
}

interface Props {
  /** The edit page, for the no-JavaScript post and the reload. */
  action: string;
  /** `POST` endpoint taking the raw image bytes. */
  uploadUrl: string;
  /** How many more photos the product may take. */
  remaining: number;
  maxBytes: number;
  strings: Strings;
}

type State = 'waiting' | 'uploading' | 'processing' | 'done' | 'error';

interface Item {
  name: string;
  size: number;
  loaded: number;
  state: State;
  message: string;
}

const fill = (text: string, n: number) => text.replace('{n}', String(n));

function upload(url: string, file: File, onProgress: (loaded: number) => void, onSent: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.upload.onload = onSent;
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, body: '' });
    xhr.ontimeout = () => resolve({ status: 0, body: '' });
    xhr.send(file);
  });
}

export default function PhotoUploader({ action, uploadUrl, remaining, maxBytes, strings }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [finished, setFinished] = useState(false);

  const update = (index: number, change: Partial<Item>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));

  function messageFor(status: number, body: string): string {
    if (status === 413) return strings.tooLarge;
    if (status === 401 || status === 403) return strings.signedOut;
    if (status === 400) {
      try {
        const { message } = JSON.parse(body) as { message?: string };
        if (message && /at most \d+ photos/.test(message)) return strings.full;
      } catch {
        // not JSON: fall through
      }
      return strings.invalid;
    }
    return strings.failed;
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = [...(input.current?.files ?? [])];
    if (!chosen.length) {
      setNote(strings.none);
      return;
    }
    const files = chosen.slice(0, Math.max(0, remaining));
    setNote(files.length < chosen.length ? fill(strings.tooMany, remaining) : '');
    setItems(files.map((f) => ({ name: f.name, size: f.size, loaded: 0, state: 'waiting', message: '' })));
    setBusy(true);
    let ok = 0;
    for (const [index, file] of files.entries()) {
      if (file.size > maxBytes) {
        update(index, { state: 'error', message: strings.tooLarge });
        continue;
      }
      update(index, { state: 'uploading' });
      const { status, body } = await upload(
        uploadUrl,
        file,
        (loaded) => update(index, { loaded }),
        () => update(index, { loaded: file.size, state: 'processing' }),
      );
      if (status === 201) {
        ok++;
        update(index, { state: 'done', loaded: file.size });
      } else {
        update(index, { state: 'error', message: messageFor(status, body) });
      }
    }
    setBusy(false);
    setFinished(true);
    if (input.current) input.current.value = '';
    // Everything went up: show the new list at once. Otherwise leave the messages to be read.
    // (replaceState + reload, because assigning the URL the page already has only moves to the hash.)
    if (ok === files.length && ok > 0) {
      window.history.replaceState(null, '', `${action}?ok=uploaded#photos`);
      window.location.reload();
    }
  }

  const label = (item: Item) =>
    item.state === 'error' ? item.message : item.state === 'waiting' ? strings.waiting : item.state === 'uploading' ? strings.uploading : item.state === 'processing' ? strings.processing : strings.done;

  return (
    <form method="post" action={action} encType="multipart/form-data" className="photo-uploader" onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="upload" />
      <label className="field">
        {strings.choose}
        <input ref={input} type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple disabled={busy} />
        <span className="hint">{fill(strings.remaining, remaining)}</span>
      </label>
      <p>
        <button type="submit" disabled={busy}>{strings.upload}</button>
      </p>
      <p role="status" aria-live="polite" className="small">{note}</p>
      {items.length > 0 && (
        <ul className="upload-list">
          {items.map((item, i) => (
            <li key={`${i}-${item.name}`}>
              <span className="upload-name">{item.name}</span>
              <progress max={item.size || 1} value={item.state === 'error' ? 0 : item.loaded} aria-label={item.name} />
              <span className={item.state === 'error' ? 'field-error' : 'small'}>{label(item)}</span>
            </li>
          ))}
        </ul>
      )}
      {finished && !busy && (
        <p>
          <button type="button" className="secondary-button" onClick={() => window.location.reload()}>{strings.reload}</button>
        </p>
      )}
    </form>
  );
}
