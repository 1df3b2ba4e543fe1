// Articles that mention the entity, where the article importer found its name in their
// text: the article (openable: its address, and its text in the registry), the sentence with
// the name marked, in the article's own language and direction, and how sure the match is.
import { el } from '/static/api.js';
import { percent, t } from '/static/i18n.js';
import { sourceItem } from './sources.js';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'ur', 'he', 'zgh']);

/** The sentence, its first occurrence of the name as written marked. */
function snippet(mention) {
  const at = mention.snippet.indexOf(mention.text);
  const parts = at < 0 ? [mention.snippet] : [mention.snippet.slice(0, at),
    el('mark', {}, mention.text), mention.snippet.slice(at + mention.text.length)];
  const language = mention.source?.language;
  return el('blockquote', { lang: language || null, dir: language
    ? (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr') : 'auto' }, ...parts);
}

function mentionItem(mention) {
  const source = mention.source || { id: '', title: '' };
  const item = sourceItem(source);
  item.classList.add('mention');
  item.dataset.mention = mention.id;
  item.append(snippet(mention), el('small', { class: 'hint' },
    t('mentions.confidence', { share: percent(mention.confidence) })));
  return item;
}

/** Newest article first, as the API orders them. */
export function renderMentions(section, container, entity) {
  const mentions = entity.mentionedIn;
  section.hidden = mentions === undefined;
  if (!mentions) return;
  if (!mentions.length) {
    container.replaceChildren(el('p', { class: 'hint' }, t('mentions.none')));
    return;
  }
  container.replaceChildren(el('ul', { class: 'sources mentions' }, ...mentions.map(mentionItem)));
}
