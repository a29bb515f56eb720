"""Summary statistics of a benchmark's samples, computed exactly as the site's ``stats.ts`` does."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from everycore.lab.mulberry32 import mulberry32

# A run is flagged noisy when its standard deviation exceeds this fraction of its mean.
NOISY_CV = 0.1


@dataclass(frozen=True)
class SampleStats:
    n: int
    median: float
    q1: float
    q3: float
    iqr: float
    min: float
    mean: float
    cv: float
    ci95: tuple[float, float]

    @property
    def noisy(self) -> bool:
        return self.cv > NOISY_CV


def bootstrap_median_ci(sorted_samples: np.ndarray, resamples: int = 1000,
                        seed: int = 1) -> tuple[float, float]:
    """95% bootstrap interval of the median: resample with replacement, read the 2.5% and 97.5%
    quantiles of the resamples' medians. Seeded with the site's generator and draw order, so the
    same samples give the same interval here and in a browser."""
    n = len(sorted_samples)
    picks = np.floor(mulberry32(seed, resamples * n) * n).astype(np.intp).reshape(resamples, n)
    medians = np.median(sorted_samples[picks], axis=1)
    lo, hi = np.quantile(medians, [0.025, 0.975])
    return float(lo), float(hi)


def summarize(samples) -> SampleStats:
    """Median, quartiles (numpy's linear rule, as the site uses), min, mean, CV and bootstrap CI."""
    values = np.sort(np.asarray(samples, dtype=np.float64))
    if values.size == 0:
        raise ValueError("samples must not be empty")
    mean = float(values.mean())
    std = float(values.std(ddof=1)) if values.size > 1 else 0.0
    q1, median, q3 = (float(q) for q in np.quantile(values, [0.25, 0.5, 0.75]))
    return SampleStats(
        n=int(values.size),
        median=median,
        q1=q1,
        q3=q3,
        iqr=q3 - q1,
        min=float(values[0]),
        mean=mean,
        cv=std / mean if mean > 0 else 0.0,
        ci95=bootstrap_median_ci(values),
    )
