"""``python -m analysis.eval_sources``: see :func:`analysis.eval_sources.main`."""

import sys

from analysis.eval_sources import main

sys.exit(main(sys.argv[1:]))
