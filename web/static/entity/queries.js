// The operation the entity page sends: everything about one entity, on the public API.

const BRIEF = `
fragment Brief on Node {
  __typename id
  ... on Territory { name nameAr nameFr level type }
  ... on CuratedEntity { label nameAr nameFr nameEn }
  ... on Source { title }
}`;

const SOURCE = `
fragment Src on Source { id title url file hasText publisher published language kind licence }`;

const LINK = `
fragment LinkRow on Link {
  __typename id kind since until note retired
  ... on Participation { participationRole: role }
  ... on EventParticipation { eventRole: role }
  ... on DocumentParty { documentRole: role }
  ... on DocumentRelation { relationRole: role }
  ... on GroupAttendance { groupRole: role group count }
  ... on StatedCount { measure category value asOf }
  ... on Twinning { status }
  parties { slot entity { ...Brief } }
  sources { ...Src }
}`;

const MENTION = `
fragment MentionRow on Mention {
  id start end text snippet confidence
  source { id title url publisher published language hasText }
}`;

export const ENTITY = `
query EntityPage($id: ID!) {
  node(id: $id) {
    ...Brief
    ... on Territory {
      code countryCode population households
      names { text lang kind } sources { ...Src } country { ...Brief }
    }
    ... on Collectivity {
      hasCouncil
      parent { ...Brief parent { ...Brief parent { ...Brief } } }
      children { ...Brief }
      links(first: 100) { ...LinkRow }
      mentionedIn(first: 20) { ...MentionRow }
    }
    ... on ForeignMunicipality { geonamesId }
    ... on CuratedEntity {
      note version names { text lang kind } sources { ...Src } links(first: 100) { ...LinkRow }
      mentionedIn(first: 20) { ...MentionRow }
    }
    ... on Organisation { organisationKind: kind organisationCountry: country }
    ... on Network { founded }
    ... on Programme {
      programmeKind: kind status start end objective worldBankId
      commitment { amount currency }
    }
    ... on Event { eventKind: kind eventStatus: status start end venue }
    ... on Document { documentKind: kind number date }
    ... on Source { url file publisher published language sourceKind: kind licence note }
  }
  changes(entity: $id, first: 50) {
    totalCount
    nodes { at actor action version sources { ...Src } }
  }
}${BRIEF}${SOURCE}${LINK}${MENTION}`;
