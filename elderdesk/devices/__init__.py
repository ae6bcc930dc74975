"""The counter's devices: the second-generation ID card reader (devices.md).

Qt-free and database-free. `base` holds the interface (`Reader`: open, status, read, close) and
`CardData`; `card.read_card` runs one read and checks the card like a typed ID; `config` is the
per-PC choice of driver; drivers (`folder`, `termb`, `sdtapi`, `webservice`, `helper`) are
imported only when `config.make_reader` builds one, and vendor libraries load only in `open`.
"""
