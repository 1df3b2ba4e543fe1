"""Protection of the public endpoint: request ids, limits, error codes, CORS, body size."""
