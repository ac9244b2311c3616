"""Trained artefacts of the link stage (stance.joblib, made by scripts/train_stance.py)."""
