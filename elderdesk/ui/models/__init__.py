"""Table models (QAbstractTableModel) behind every QTableView."""
