"""The register of every figure the statutes and regulations of the store state: fines, deadlines, periods,
thresholds. One reading of the law, built from the same readers the answers use (figures, roles, duties,
violations), cached per store generation."""
