"""Agreement: between coders (Krippendorff's alpha, Cohen's kappa) and between the tool and a coder.

    >>> agreement.alpha.from_matrix(matrix, "interval").alpha     # reliability data, coders x units
    >>> agreement.kappa.cohen(first, second).kappa
    >>> agreement.between_coders_in(store, ws).alpha              # per code of the workspace's codebook
    >>> agreement.tool_vs_coder_in(store, ws)                     # precision and recall per measure, category

Pure Python over numpy and pandas; the ``python -m analysis agreement`` command is in ``cli``.
"""

from analysis.agreement import alpha, kappa
from analysis.agreement.alpha import LEVELS, AgreementInputError, Alpha
from analysis.agreement.coders import BetweenCoders, between_coders, reliability_data
from analysis.agreement.kappa import Kappa
from analysis.agreement.stored import between_coders_in, tool_vs_coder_in
from analysis.agreement.tool import tool_vs_coder

__all__ = ["LEVELS", "AgreementInputError", "Alpha", "BetweenCoders", "Kappa", "alpha", "between_coders",
           "between_coders_in", "kappa", "reliability_data", "tool_vs_coder", "tool_vs_coder_in"]
