"""What the toolkit adds to the built book: page-specific assets and kernel-free explorers."""
