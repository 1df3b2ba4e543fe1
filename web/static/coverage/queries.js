// The GraphQL operations the coverage view sends: all on the public API.

// Networks and programmes come one page at a time (the server's maximum page size): the first
// page of each, then the next pages of either until one comes back empty.
export const SUBJECTS = `
query Subjects {
  networks { id label nameAr nameFr }
  programmes { id label nameAr nameFr kind }
}`;

export const MORE_SUBJECTS = {
  networks: `
query MoreNetworks($offset: Int!) {
  networks(offset: $offset) { id label nameAr nameFr }
}`,
  programmes: `
query MoreProgrammes($offset: Int!) {
  programmes(offset: $offset) { id label nameAr nameFr kind }
}`,
};

const GROUP = `
fragment Group on CoverageGroup {
  territory { id code name nameAr level ... on Province { region { id code name } } }
  levels { level members total share }
  population populationCovered populationShare
}`;

export const COVERAGE = `
query Coverage($network: ID, $programme: ID, $groupBy: CoverageGrouping!) {
  coverage(network: $network, programme: $programme, groupBy: $groupBy) {
    national { ...Group }
    groups { ...Group }
    membersAbroad { id ... on Territory { name countryCode } }
    otherMembers { id ... on CuratedEntity { label nameAr nameFr } }
    funders { id ... on CuratedEntity { label nameAr nameFr } }
    memberCount { recorded stated statedOn statedBy { id title url publisher published } }
    statedCounts {
      measure category value asOf
      sources { id title url publisher published }
    }
  }
}${GROUP}`;

// Twinnings abroad: the countries of the national figures (for the filter), then the coverage.
export const TWINNING_COUNTRIES = `
query TwinningCountries {
  twinningCoverage(groupBy: REGION) { national { countries { countryCode twinnings } } }
}`;

export const TWINNING_COVERAGE = `
query TwinningCoverage($groupBy: CoverageGrouping!, $country: String) {
  twinningCoverage(groupBy: $groupBy, country: $country) {
    national { ...Twinned }
    groups { ...Twinned }
  }
}
fragment Twinned on TwinningCoverageGroup {
  twinnings
  countries { countryCode twinnings }
  coverage { ...Group members { id ... on Collectivity { name nameAr } } }
}${GROUP}`;
