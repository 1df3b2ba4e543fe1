// Articles that mention the entity, where the registry's article importer found them.
import { el } from '/static/api.js';
import { t } from '/static/i18n.js';

/** The section stays hidden until the API answers `mentionedIn` for this entity. */
export function renderMentions(section, container, entity) {
  const mentions = entity.mentionedIn;
  section.hidden = mentions === undefined;
  if (!mentions) return;
  if (!mentions.length) {
    container.replaceChildren(el('p', { class: 'hint' }, t('mentions.none')));
  }
}
