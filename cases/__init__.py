"""The case library's data, shipped inside the toolkit as ``innolead.casedata``.

``pyproject.toml`` maps this folder into the package, so ``pip install`` carries every case's
CSV files and README; ``innolead.paths.cases_dir()`` finds them. Read the data only through
``innolead.cases.load``.
"""
