// The case list as a windowed table: only the rows in view (and a few either side) are in the
// page, between two spacer rows that keep the scrollbar true to all of them, so 10,000 cases paint
// as fast as ten. Keyed by the query where used, so a new search starts at the top. The reference is the keyboard way into a case (↓/↑ move between rows); a click
// anywhere on the row does the same for a mouse.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineText } from './DeadlineText';
import { StatusBadge } from './StatusBadge';
import type { CaseWindow } from './useCaseWindow';

/** Must match .case-table tbody tr in styles.css. */
export const ROW_HEIGHT = 48;
const OVERSCAN = 8;

interface Props {
  list: CaseWindow;
  onOpen: (id: string) => void;
}

export function CaseTable({ list, onOpen }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const focusIndex = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight || window.innerHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || window.innerHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(list.total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const { ensure } = list;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`tr[data-index="${index}"] button`);
    if (button) {
      button.focus();
      focusIndex.current = null;
    }
  });

  const move = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const row = (event.target as HTMLElement).closest('tr');
    const index = Number(row?.dataset.index);
    if (!Number.isInteger(index)) return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= list.total) return;
    event.preventDefault();
    const element = scroller.current;
    if (element) {
      const top = (next + 1) * ROW_HEIGHT; // + 1: the sticky header row
      if (top < element.scrollTop + ROW_HEIGHT) element.scrollTop = top - ROW_HEIGHT;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
      setScrollTop(element.scrollTop);
    }
    focusIndex.current = next;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`tr[data-index="${next}"] button`);
    if (button) {
      button.focus();
      focusIndex.current = null;
    }
  };

  const rows = [];
  for (let index = first; index <= last; index += 1) {
    const item = list.row(index);
    rows.push(
      item ? (
        <tr key={item.id} className="table__row" data-index={index} aria-rowindex={index + 2} onClick={() => onOpen(item.id)}>
          <th scope="row">
            <button
              type="button"
              className="button button--link"
              onClick={(event) => {
                event.stopPropagation();
                onOpen(item.id);
              }}
            >
              {item.reference}
            </button>
          </th>
          <td>
            <span dir="auto" className="client-name">
              {item.clientName}
            </span>
          </td>
          <td>
            <StatusBadge status={item.status} />
          </td>
          <td>
            <DeadlineText deadline={item.nextDeadline} />
          </td>
        </tr>
      ) : (
        <tr key={`loading-${index}`} className="table__row table__row--loading" aria-hidden="true">
          <td colSpan={4}>{t('app.loading')}</td>
        </tr>
      ),
    );
  }

  return (
    <div className="table-wrap table-wrap--window" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <table className="table case-table" aria-busy={list.pending} aria-rowcount={list.total + 1} data-query={list.query}>
        <caption className="visually-hidden">{t('cases.title')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('cases.reference')}</th>
            <th scope="col">{t('cases.client')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.nextDeadline')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={move}>
          {first > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={4} style={{ height: first * ROW_HEIGHT }} />
            </tr>
          )}
          {rows}
          {last < list.total - 1 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={4} style={{ height: (list.total - 1 - last) * ROW_HEIGHT }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
