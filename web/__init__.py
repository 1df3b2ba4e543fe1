"""The registry's pages for people: offline GraphiQL, the network explorer, coverage.

Every page talks to the public GraphQL API only (POST /graphql); their third-party
scripts are built from npm packages into `web/static/vendor/` by `npm ci`.
"""
