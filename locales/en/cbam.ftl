# Cbam messages.
