"""Reading the ID card and the hukou book's pages from an image, on this machine."""
