"""Train the persuasion / frames / genre / check-worthiness heads from scratch and print scores.

    OMP_NUM_THREADS=1 python bench/train_persuasion.py --data ../shared/data \
        --out src/storylens/persuasion/weights --report /tmp/persuasion_eval.json
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storylens.persuasion.train import main  # noqa: E402

if __name__ == "__main__":
    main()
