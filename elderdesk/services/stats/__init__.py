"""Statistics of the register, the allowance and the cards (StatsService), the figures and
their tables."""
