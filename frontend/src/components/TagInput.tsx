/** Tags as chips: type a name and press Enter or comma (or pick a suggestion); each chip can be removed. */
import { useId, type ChangeEvent, type KeyboardEvent } from 'react';
import { normalizeTags } from '../lib/filters';
import { describedBy } from './FieldError';

interface Props {
  tags: string[];
  text: string;
  suggestions: string[];
  onChange: (tags: string[], text: string) => void;
  error?: string;
}

export function TagInput({ tags, text, suggestions, onChange, error }: Props) {
  const inputId = useId();
  const listId = useId();
  const add = (raw: string) => onChange(normalizeTags([...tags, raw].join(',')), '');
  const remove = (name: string) => onChange(tags.filter((tag) => tag !== name), text);

  const typed = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    const inputType = (event.nativeEvent as InputEvent).inputType;
    // Choosing a datalist suggestion replaces the text without typing: take it as a whole tag.
    const picked = inputType === undefined || inputType === 'insertReplacementText';
    if (value.includes(',')) {
      add(value);
    } else if (picked && suggestions.includes(value.trim().toLowerCase())) {
      add(value);
    } else {
      onChange(tags, value);
    }
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault(); // Enter adds a tag here instead of submitting the form
      if (text.trim()) add(text);
    } else if (event.key === 'Backspace' && !text && tags.length) {
      remove(tags[tags.length - 1]);
    }
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId}>Tags</label>
      {tags.length > 0 && (
        <ul className="tags">
          {tags.map((tag) => (
            <li key={tag} className="tag chip">
              {tag}
              <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        list={listId}
        value={text}
        autoComplete="off"
        placeholder="Add a tag and press Enter"
        onChange={typed}
        onKeyDown={keyDown}
        {...describedBy('tags', error)}
      />
      <datalist id={listId}>
        {suggestions
          .filter((name) => !tags.includes(name))
          .map((name) => (
            <option key={name} value={name} />
          ))}
      </datalist>
    </div>
  );
}
