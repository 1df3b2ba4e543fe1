// The GraphQL operations the explorer sends: all on the public API.

const ENTITY = `
fragment Entity on Node {
  __typename id
  ... on Territory { name nameAr nameFr level type population }
  ... on CuratedEntity { label nameAr nameFr nameEn }
  ... on Source { title }
}`;

const LINK = `
fragment LinkDetail on Link {
  __typename id kind since until note
  ... on Participation { participationRole: role }
  ... on EventParticipation { eventRole: role }
  ... on DocumentParty { documentRole: role }
  ... on Twinning { status }
  parties { slot entity { ...Entity } }
  sources { id title url file hasText publisher published language }
}`;

export const SEARCH = `
query Search($text: String!) {
  search(text: $text, first: 20) {
    label match matchedName { text lang }
    entity { ...Entity }
  }
}${ENTITY}`;

export const NEIGHBOURHOOD = `
query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 1) {
    nodes { ...Entity }
    edges { kind role from { id } to { id } link { ...LinkDetail } }
    truncated
  }
}${ENTITY}${LINK}`;

export const CONNECTIONS = `
query Connections($from: ID!, $to: ID!, $via: [LinkKind!]) {
  connections(from: $from, to: $to, via: $via, first: 5) {
    truncated
    paths {
      length
      steps { from { ...Entity } to { ...Entity } kind role link { ...LinkDetail } }
    }
  }
}${ENTITY}${LINK}`;

export const NODE = `
query Node($id: ID!) {
  node(id: $id) { ...Entity ... on Link { ...LinkDetail } }
}${ENTITY}${LINK}`;
