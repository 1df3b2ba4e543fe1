"""Federation test fixtures: a partner agency's subgraph, a negative control, processes."""
