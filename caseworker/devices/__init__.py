"""The counter's devices, without Qt: resident ID card readers (the SAM serial protocol
of GA 467 and the vendors' libraries), printing a PDF at true size, the document camera.

Nothing here knows about the store, the services or the desk; ``caseworker.services``
and the command line use it."""
