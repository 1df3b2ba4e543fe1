"""The territorial backbone: Morocco (HCP) and Belgium (Statbel)."""
