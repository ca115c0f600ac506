// The tag lists (topic, place, profile): shipped tags plus the clinic's own. Shared while the
// vault is open; adding a tag refreshes every screen showing a list.
import { useCallback, useEffect, useState } from 'react';
import type { Labels, Tag, TagAxis, TagLists } from '../../../preload/contract';
import { api } from '../api/client';
import { collatorFor } from '../i18n/collate';
import { labelOf } from '../reference/useReference';

let cached: Promise<TagLists> | null = null;
const listeners = new Set<() => void>();

export function forgetTags(): void {
  cached = null;
}

function load(): Promise<TagLists> {
  cached ??= api.evidence.tags().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useTags(): { lists: TagLists | null; addTag: (axis: TagAxis, labels: Labels) => Promise<Tag> } {
  const [lists, setLists] = useState<TagLists | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const listener = () => setGeneration((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setLists(data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [generation]);
  const addTag = useCallback(async (axis: TagAxis, labels: Labels) => {
    const tag = await api.evidence.addTag({ axis, labels });
    cached = null;
    for (const listener of listeners) listener();
    return tag;
  }, []);
  return { lists, addTag };
}

/**
 * One axis's tags in the order a list shows them: the shipped ones in the catalogue's order (it
 * groups related topics), then the clinic's own alphabetically in the UI's language.
 */
export function tagsForDisplay(tags: readonly Tag[], language: string): Tag[] {
  const { compare } = collatorFor(language);
  const shipped = tags.filter((tag) => tag.origin === 'shipped');
  const own = tags.filter((tag) => tag.origin !== 'shipped').sort((a, b) => compare(labelOf(a.labels, language), labelOf(b.labels, language)));
  return [...shipped, ...own];
}

/** A tag's label in the UI's language, or its id when the tag is not (yet) in the lists. */
export function tagLabel(lists: TagLists | null, axis: TagAxis, id: string, language: string): string {
  const tag = lists?.[axis].find((candidate) => candidate.id === id);
  return tag ? labelOf(tag.labels, language) : id;
}
