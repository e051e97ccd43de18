"""National scale: the partitioned run by region, on local processes or Dask."""
