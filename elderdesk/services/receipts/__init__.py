"""Fee receipts and the day's cash-up (ReceiptService)."""
