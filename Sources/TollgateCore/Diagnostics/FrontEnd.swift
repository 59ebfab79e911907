// Core's API speaks in the front end's diagnostics and source locations (``LoadResult``, findings),
// so whoever imports Core can use them without importing the front end too.
@_exported import TollgateFrontEnd
