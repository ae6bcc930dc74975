"""The longevity allowance's applications, decisions, stops, proofs of life and the counter's lists (AllowanceService)."""
