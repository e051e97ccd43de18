"""The core: findings, API errors, typed models, source maps. Imports nothing else of cascade."""
