import type { Clock } from "../clock";
import type { IdFactory } from "../ids";
import type { StoredFile } from "./types";

export interface PendingUpload {
  filename: string;
  length: number;
  alt_text?: string;
  snippet_type?: string;
  user: string;
}

/** Files of the upload v2 flow: reserved, then bytes received, then completed (shared). */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(
    private readonly ids: IdFactory,
    private readonly clock: Clock,
  ) {}

  reserve(upload: PendingUpload): StoredFile {
    const file: StoredFile = {
      ...upload,
      id: this.ids.next("F"),
      title: upload.filename,
      created: Math.floor(this.clock.now().getTime() / 1000),
      completed: false,
      channels: [],
    };
    this.files.set(file.id, file);
    return file;
  }

  find(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  all(): StoredFile[] {
    return [...this.files.values()];
  }

  receiveBytes(id: string, bytes: Buffer): boolean {
    const file = this.files.get(id);
    if (!file) return false;
    file.bytes = bytes;
    return true;
  }
}
