"""Twin Heads maths: a one-hidden-layer net with a sigmoid or a softmax head.

numpy only. Conventions: ``z = W x + b`` with ``W`` (n_out, n_in); softmax row k is
class k; float64 throughout; losses from logits, averaged over the samples.
"""

from .activations import ACTIVATIONS, get_activation, sigmoid
from .data import (
    IRIS_MEASURES,
    IRIS_SPECIES,
    TIPS_INPUTS,
    TIPS_LABELS,
    TOY_SETS,
    Dataset,
    Standardiser,
    load_iris,
    load_tips,
    make_toy,
)
from .exercise import Exercise, ExerciseCheck, check_answers, make_exercise
from .export import net_json, read_net_json, steps_csv, worked_markdown
from .gradcheck import CheckRow, gradient_check, numerical_grads, relative_error
from .grid import boundary_grid, probability_grid
from .heads import HEADS, LOSSES, head_loss, log_sigmoid, log_softmax, softmax
from .mapping import head_shift, sigmoid_to_softmax, softmax_to_sigmoid
from .network import (
    PARAMS,
    Grads,
    Net,
    Pass,
    backprop,
    forward,
    init_net,
    loss_and_grads,
    predict_proba,
)
from .optim import OPTIMIZERS, LayerRates, NetRates, Optimizer, OptimizerSpec
from .pairing import PAIRINGS, default_shift, lockstep_guarantee, make_twins
from .relations import Relation, head_relations
from .training import History, Trainer, TwinTrainer, train_twins
from .worked import STEP_KEYS, Step, per_sample_grads, worked_steps

__all__ = [
    "ACTIVATIONS",
    "HEADS",
    "IRIS_MEASURES",
    "IRIS_SPECIES",
    "LOSSES",
    "OPTIMIZERS",
    "PAIRINGS",
    "PARAMS",
    "TIPS_INPUTS",
    "TIPS_LABELS",
    "TOY_SETS",
    "CheckRow",
    "default_shift",
    "Dataset",
    "Grads",
    "History",
    "LayerRates",
    "Net",
    "NetRates",
    "Optimizer",
    "OptimizerSpec",
    "Pass",
    "Standardiser",
    "Trainer",
    "TwinTrainer",
    "backprop",
    "boundary_grid",
    "forward",
    "get_activation",
    "gradient_check",
    "head_loss",
    "head_shift",
    "init_net",
    "load_iris",
    "load_tips",
    "lockstep_guarantee",
    "log_sigmoid",
    "log_softmax",
    "loss_and_grads",
    "make_toy",
    "make_twins",
    "numerical_grads",
    "predict_proba",
    "probability_grid",
    "relative_error",
    "sigmoid",
    "sigmoid_to_softmax",
    "softmax",
    "softmax_to_sigmoid",
    "train_twins",
    "STEP_KEYS",
    "Exercise",
    "ExerciseCheck",
    "Relation",
    "Step",
    "check_answers",
    "head_relations",
    "make_exercise",
    "net_json",
    "per_sample_grads",
    "read_net_json",
    "steps_csv",
    "worked_markdown",
    "worked_steps",
]
