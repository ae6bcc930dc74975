"""ElderDesk: senior cards (老年证) and the longevity allowance (高龄津贴) for one office."""

__version__ = "0.1.0"
