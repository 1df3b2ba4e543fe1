// The GraphQL operations the coverage view sends: all on the public API.

export const SUBJECTS = `
query Subjects {
  networks { id label nameAr nameFr }
  programmes { id label nameAr nameFr kind }
}`;

const GROUP = `
fragment Group on CoverageGroup {
  territory { id name nameAr level ... on Province { region { id } } }
  levels { level members total share }
  population populationCovered populationShare
}`;

export const COVERAGE = `
query Coverage($network: ID, $programme: ID, $groupBy: CoverageGrouping!) {
  coverage(network: $network, programme: $programme, groupBy: $groupBy) {
    national { ...Group }
    groups { ...Group }
    membersAbroad { id ... on Territory { name countryCode } }
    otherMembers { id ... on CuratedEntity { label } }
    statedCounts {
      measure category value asOf
      sources { title url }
    }
  }
}${GROUP}`;
