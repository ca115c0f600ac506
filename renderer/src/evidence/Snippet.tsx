// A search hit's snippet with the matched words marked.
import type { SearchHit } from '../../../preload/contract';

export function Snippet({ parts }: { parts: SearchHit['snippet'] }) {
  return (
    <blockquote className="excerpt__text" dir="auto">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </blockquote>
  );
}
