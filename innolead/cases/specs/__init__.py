"""One module per case, each defining ``CASE``; the registry discovers them."""
