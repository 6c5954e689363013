"""Read reports and targets.yaml; validate, verify quotes, compute status, find figures."""
