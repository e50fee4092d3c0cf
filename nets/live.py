"""Training in short chunks with stop rules, for a page that redraws between chunks."""

STOPPED_EPOCHS = "epochs"
STOPPED_TARGET = "target"
STOPPED_DIVERGED = "diverged"


def reached_target(twins, target_loss):
    """Whether both nets' training loss is at or below ``target_loss`` (> 0)."""
    return target_loss > 0 and all(
        t.history.train_loss[-1] <= target_loss for t in twins.trainers
    )


def advance(twins, epochs, max_epochs, target_loss=0.0, hook=None):
    """Run up to ``epochs`` epochs, never past ``max_epochs`` in all.

    Stops early at the target loss (both nets; 0 turns it off) or when a net
    diverges. ``hook(twins)`` is called after each epoch. Returns
    ``(epochs_run, reason)`` with reason None or one of the ``STOPPED_*`` names.
    """
    if twins.messages:
        return 0, STOPPED_DIVERGED
    if twins.epoch >= max_epochs:
        return 0, STOPPED_EPOCHS
    if reached_target(twins, target_loss):
        return 0, STOPPED_TARGET

    def step_hook(tw):
        if hook is not None:
            hook(tw)
        return bool(tw.messages) or reached_target(tw, target_loss)

    ran = twins.run(min(epochs, max_epochs - twins.epoch), hook=step_hook)
    if twins.messages:
        return ran, STOPPED_DIVERGED
    if reached_target(twins, target_loss):
        return ran, STOPPED_TARGET
    if twins.epoch >= max_epochs:
        return ran, STOPPED_EPOCHS
    return ran, None
