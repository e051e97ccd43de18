"""Review runs: configuration, baselines and the lint pipeline that CI calls."""
