"""Senior cards: issue and reissue (cards.service), printing and calibration, photos, the signed QR and its check."""
