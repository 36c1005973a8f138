"""PyTorch parity fixtures for @dl/core's functional layer ops and losses (beyond ../shared/reference).

usage: OMP_NUM_THREADS=1 python3 generate.py   (PyTorch 1.13 from Debian: apt-get install python3-torch)
Writes ../../functional/__fixtures__/torch-functional.json and ./torch-losses.json:
{"torch": version, "cases": {name: {"op", "params", "inputs": {k: ARRAY}, "expected": {k: ARRAY}}}}
with ARRAY = {"shape", "dtype": "float32" | "int64", "data": [flat, row-major]}, as in ../shared/reference
(non-finite values as the strings "NaN", "Infinity", "-Infinity").
Each case runs forward, then backward of the loss (scalar) or of sum(y * grad_output); expected
holds "y" and "grad.<input>" for every float input that requires grad.
"""
import json, math, os
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(1234)
HERE = os.path.dirname(os.path.abspath(__file__))


def arr(t):
    t = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    if t.dtype.kind == 'f':
        # JSON has no NaN or infinities: they are written as the strings JavaScript's Number() reads.
        data = [float('%.8g' % v) if math.isfinite(v) else ('NaN' if math.isnan(v) else ('Infinity' if v > 0 else '-Infinity'))
                for v in t.astype(np.float64).ravel()]
        return {'shape': list(t.shape), 'dtype': 'float32', 'data': data}
    return {'shape': list(t.shape), 'dtype': 'int64', 'data': [int(v) for v in t.astype(np.int64).ravel()]}


class Cases:
    def __init__(self):
        self.cases = {}

    def add(self, name, op, fn, inputs, params=None, grad=None, extra=None):
        """inputs: name -> tensor; grad: names to differentiate (default: every float input)."""
        ins = {}
        for k, v in inputs.items():
            v = v.clone()
            if v.is_floating_point() and (grad is None or k in grad):
                v.requires_grad_(True)
            ins[k] = v
        kept = {k: v.detach().clone() for k, v in ins.items()}
        y = fn(**ins)
        exp = {'y': y}
        saved_in = dict(kept)
        if y.requires_grad:
            if y.dim() == 0:
                y.backward()
            else:
                g = torch.randn_like(y)
                saved_in['grad_output'] = g
                (y * g).sum().backward()
            for k, v in ins.items():
                if v.requires_grad:
                    exp['grad.' + k] = v.grad if v.grad is not None else torch.zeros_like(v)
        if extra:
            for k, v in extra().items():
                exp[k] = v
        self.cases[name] = {'op': op, 'params': params or {}, 'inputs': {k: arr(v) for k, v in saved_in.items()},
                            'expected': {k: arr(v) for k, v in exp.items()}}

    def write(self, path):
        with open(path, 'w') as f:
            json.dump({'torch': torch.__version__, 'cases': self.cases}, f, allow_nan=False)
            f.write('\n')


r = torch.randn
fn_cases = Cases()
c = fn_cases

# softmax family
x3 = r(3, 4, 5)
c.add('softmax_dim0', 'softmax', lambda x: F.softmax(x, 0), {'x': x3}, {'dim': 0})
c.add('softmax_dim_neg1', 'softmax', lambda x: F.softmax(x, -1), {'x': x3}, {'dim': -1})
c.add('softmin_dim1', 'softmin', lambda x: F.softmin(x, 1), {'x': x3}, {'dim': 1})
c.add('log_softmax_dim0', 'log_softmax', lambda x: F.log_softmax(x, 0), {'x': x3}, {'dim': 0})
c.add('log_softmax_dim1', 'log_softmax', lambda x: F.log_softmax(x, 1), {'x': x3 * 10}, {'dim': 1})

# batch norm
def bn_case(name, x, training, momentum, affine, eps=1e-5):
    C = x.shape[1]
    rm0, rv0 = r(C) * 0.1, torch.rand(C) + 0.5
    rm, rv = rm0.clone(), rv0.clone()
    w, b = r(C), r(C)
    ins = {'x': x, 'running_mean': rm0, 'running_var': rv0}
    if affine:
        ins.update({'weight': w, 'bias': b})
    def f(x, running_mean, running_var, weight=None, bias=None):
        return F.batch_norm(x, rm, rv, weight, bias, training=training, momentum=momentum, eps=eps)
    c.add(name, 'batch_norm', f, ins, {'training': training, 'momentum': momentum, 'eps': eps},
          grad=['x', 'weight', 'bias'], extra=lambda: {'running_mean_after': rm, 'running_var_after': rv})

bn_case('batch_norm_train_3d', r(4, 3, 6) * 2 + 1, True, 0.3, True)
bn_case('batch_norm_train_noaffine', r(5, 4), True, 0.1, False, eps=1e-3)
bn_case('batch_norm_eval_4d', r(2, 3, 4, 4), False, 0.1, True)
bn_case('batch_norm_eval_noaffine', r(3, 2, 5), False, 0.1, False)

# layer / group / instance norm
c.add('layer_norm_affine', 'layer_norm', lambda x, weight, bias: F.layer_norm(x, [3, 4], weight, bias), {'x': r(2, 3, 4), 'weight': r(3, 4), 'bias': r(3, 4)}, {'normalized_shape': [3, 4]})
c.add('layer_norm_plain', 'layer_norm', lambda x: F.layer_norm(x, [6], eps=1e-3), {'x': r(5, 6) * 3}, {'normalized_shape': [6], 'eps': 1e-3})
c.add('group_norm_affine', 'group_norm', lambda x, weight, bias: F.group_norm(x, 3, weight, bias), {'x': r(2, 6, 3, 3), 'weight': r(6), 'bias': r(6)}, {'num_groups': 3})
c.add('group_norm_2d', 'group_norm', lambda x: F.group_norm(x, 2), {'x': r(4, 4)}, {'num_groups': 2})

def in_case(name, use_input_stats):
    C = 3
    rm, rv = r(C) * 0.1, torch.rand(C) + 0.5
    rm_in, rv_in = rm.clone(), rv.clone()
    def f(x, running_mean, running_var, weight, bias):
        return F.instance_norm(x, rm, rv, weight, bias, use_input_stats=use_input_stats, momentum=0.2)
    c.add(name, 'instance_norm', f, {'x': r(2, C, 4, 5), 'running_mean': rm_in, 'running_var': rv_in, 'weight': r(C), 'bias': r(C)},
          {'use_input_stats': use_input_stats, 'momentum': 0.2}, grad=['x', 'weight', 'bias'],
          extra=lambda: {'running_mean_after': rm, 'running_var_after': rv})

in_case('instance_norm_train', True)
in_case('instance_norm_eval', False)

# embedding
idx = torch.tensor([[1, 2, 4, 2], [4, 3, 9, 2]])
c.add('embedding_padding_freq', 'embedding', lambda weight, indices: F.embedding(indices, weight, padding_idx=2, scale_grad_by_freq=True),
      {'weight': r(10, 3), 'indices': idx}, {'padding_idx': 2, 'scale_grad_by_freq': True})
c.add('embedding_negative_padding', 'embedding', lambda weight, indices: F.embedding(indices, weight, padding_idx=-1),
      {'weight': r(10, 3), 'indices': torch.tensor([9, 1, 9, 0])}, {'padding_idx': -1})
w_mn = r(10, 3) * 2
w_mn_ref = w_mn.clone()
def emb_maxnorm(weight, indices):
    with torch.no_grad():
        w_mn_ref.copy_(weight)
    out = F.embedding(indices, w_mn_ref, max_norm=1.5, norm_type=3.0)
    return out
c.add('embedding_max_norm', 'embedding', emb_maxnorm, {'weight': w_mn, 'indices': idx}, {'max_norm': 1.5, 'norm_type': 3.0}, grad=[],
      extra=lambda: {'weight_after': w_mn_ref})

# embedding bag
flat = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9, 0])
offs = torch.tensor([0, 4, 4, 7])
for mode in ['sum', 'mean', 'max']:
    c.add('embedding_bag_' + mode, 'embedding_bag', lambda weight, indices, offsets, mode=mode: F.embedding_bag(indices, weight, offsets, mode=mode),
          {'weight': r(10, 3), 'indices': flat, 'offsets': offs}, {'mode': mode})
c.add('embedding_bag_2d_mean_padding', 'embedding_bag', lambda weight, indices: F.embedding_bag(indices, weight, mode='mean', padding_idx=0),
      {'weight': r(6, 4), 'indices': torch.tensor([[1, 0, 3], [0, 0, 0], [5, 5, 2]])}, {'mode': 'mean', 'padding_idx': 0})
c.add('embedding_bag_2d_max_padding', 'embedding_bag', lambda weight, indices: F.embedding_bag(indices, weight, mode='max', padding_idx=0),
      {'weight': r(6, 4), 'indices': torch.tensor([[1, 0, 3], [0, 0, 0], [5, 5, 2]])}, {'mode': 'max', 'padding_idx': 0})
c.add('embedding_bag_psw', 'embedding_bag', lambda weight, indices, offsets, per_sample_weights: F.embedding_bag(indices, weight, offsets, mode='sum', per_sample_weights=per_sample_weights, include_last_offset=True),
      {'weight': r(10, 3), 'indices': flat, 'offsets': torch.tensor([0, 2, 2, 6, 9]), 'per_sample_weights': r(9)}, {'mode': 'sum', 'include_last_offset': True})
# scale_grad_by_freq is left out: PyTorch 1.13's CPU embedding_bag divides by the wrong count
# (pytorch/pytorch#190063); the tests check the documented semantics by hand.

# normalize, cosine similarity, pairwise distance
xn = r(3, 5)
xn[1] = 0.0
c.add('normalize_p2', 'normalize', lambda x: F.normalize(x, p=2.0, dim=1), {'x': xn}, {'p': 2, 'dim': 1})
c.add('normalize_p1_dim0', 'normalize', lambda x: F.normalize(x, p=1.0, dim=0), {'x': r(3, 5)}, {'p': 1, 'dim': 0})
c.add('normalize_p3', 'normalize', lambda x: F.normalize(x, p=3.0, dim=-1), {'x': r(2, 3, 4)}, {'p': 3, 'dim': -1})
c.add('normalize_pinf', 'normalize', lambda x: F.normalize(x, p=float('inf'), dim=1), {'x': r(4, 6)}, {'p': 'inf', 'dim': 1})
c.add('cosine_similarity', 'cosine_similarity', lambda x1, x2: F.cosine_similarity(x1, x2, dim=1), {'x1': r(4, 6), 'x2': r(4, 6)}, {'dim': 1})
c.add('cosine_similarity_broadcast', 'cosine_similarity', lambda x1, x2: F.cosine_similarity(x1, x2, dim=-1), {'x1': r(2, 1, 4), 'x2': r(3, 4)}, {'dim': -1})
c.add('pairwise_distance_p2', 'pairwise_distance', lambda x1, x2: F.pairwise_distance(x1, x2), {'x1': r(4, 6), 'x2': r(4, 6)}, {'p': 2})
c.add('pairwise_distance_p1_keepdim', 'pairwise_distance', lambda x1, x2: F.pairwise_distance(x1, x2, p=1.0, keepdim=True), {'x1': r(4, 6), 'x2': r(1, 6)}, {'p': 1, 'keepdim': True})
c.add('pairwise_distance_p3', 'pairwise_distance', lambda x1, x2: F.pairwise_distance(x1, x2, p=3.0, eps=1e-4), {'x1': r(2, 3, 5), 'x2': r(2, 3, 5)}, {'p': 3, 'eps': 1e-4})

fn_cases.write(os.path.join(HERE, '..', '..', 'functional', '__fixtures__', 'torch-functional.json'))

# ---------------------------------------------------------------- losses
lc = Cases()
inp, tgt = r(4, 5), r(4, 5)
for red in ['mean', 'sum', 'none']:
    lc.add('mse_' + red, 'mse_loss', lambda input, target, red=red: F.mse_loss(input, target, reduction=red), {'input': inp, 'target': tgt}, {'reduction': red})
    lc.add('l1_' + red, 'l1_loss', lambda input, target, red=red: F.l1_loss(input, target, reduction=red), {'input': inp, 'target': tgt}, {'reduction': red})
    lc.add('smooth_l1_' + red, 'smooth_l1_loss', lambda input, target, red=red: F.smooth_l1_loss(input, target, reduction=red, beta=0.5), {'input': inp, 'target': tgt}, {'reduction': red, 'beta': 0.5})
    lc.add('huber_' + red, 'huber_loss', lambda input, target, red=red: F.huber_loss(input, target, reduction=red, delta=0.7), {'input': inp, 'target': tgt}, {'reduction': red, 'delta': 0.7})
lc.add('smooth_l1_beta0', 'smooth_l1_loss', lambda input, target: F.smooth_l1_loss(input, target, beta=0.0), {'input': inp, 'target': tgt}, {'reduction': 'mean', 'beta': 0.0})

# cross entropy and nll
logits = r(6, 5)
t6 = torch.tensor([0, 4, 2, 2, 1, 3])
t6i = torch.tensor([0, -100, 2, 2, -100, 3])
wc = torch.rand(5) + 0.2
for red in ['mean', 'sum', 'none']:
    lc.add('ce_weight_' + red, 'cross_entropy', lambda input, target, weight, red=red: F.cross_entropy(input, target, weight=weight, reduction=red),
           {'input': logits, 'target': t6, 'weight': wc}, {'reduction': red}, grad=['input'])
    lc.add('ce_ignore_smooth_weight_' + red, 'cross_entropy', lambda input, target, weight, red=red: F.cross_entropy(input, target, weight=weight, reduction=red, label_smoothing=0.2),
           {'input': logits, 'target': t6i, 'weight': wc}, {'reduction': red, 'label_smoothing': 0.2, 'ignore_index': -100}, grad=['input'])
    lc.add('ce_ignore_smooth_' + red, 'cross_entropy', lambda input, target, red=red: F.cross_entropy(input, target, reduction=red, label_smoothing=0.3, ignore_index=2),
           {'input': logits, 'target': t6}, {'reduction': red, 'label_smoothing': 0.3, 'ignore_index': 2})
    lc.add('ce_probs_weight_smooth_' + red, 'cross_entropy', lambda input, target, weight, red=red: F.cross_entropy(input, target, weight=weight, reduction=red, label_smoothing=0.1),
           {'input': logits, 'target': F.softmax(r(6, 5), 1), 'weight': wc}, {'reduction': red, 'label_smoothing': 0.1}, grad=['input', 'target'])
    lc.add('nll_weight_ignore_' + red, 'nll_loss', lambda input, target, weight, red=red: F.nll_loss(input, target, weight=weight, reduction=red, ignore_index=4),
           {'input': r(6, 5), 'target': t6, 'weight': wc}, {'reduction': red, 'ignore_index': 4}, grad=['input'])
lc.add('ce_spatial', 'cross_entropy', lambda input, target, weight: F.cross_entropy(input, target, weight=weight, ignore_index=1),
       {'input': r(2, 4, 3, 2), 'target': torch.randint(0, 4, (2, 3, 2)), 'weight': torch.rand(4) + 0.5}, {'reduction': 'mean', 'ignore_index': 1}, grad=['input'])
lc.add('ce_spatial_probs', 'cross_entropy', lambda input, target: F.cross_entropy(input, target),
       {'input': r(2, 4, 3), 'target': F.softmax(r(2, 4, 3), 1)}, {'reduction': 'mean'})
lc.add('ce_unbatched', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, label_smoothing=0.1),
       {'input': r(5), 'target': torch.tensor(3)}, {'reduction': 'mean', 'label_smoothing': 0.1})
lc.add('nll_spatial_sum', 'nll_loss', lambda input, target: F.nll_loss(input, target, reduction='sum'),
       {'input': r(2, 3, 4), 'target': torch.randint(0, 3, (2, 4))}, {'reduction': 'sum'})
lc.add('nll_all_ignored', 'nll_loss', lambda input, target: F.nll_loss(input, target),
       {'input': r(2, 3), 'target': torch.tensor([-100, -100])}, {'reduction': 'mean'})

# binary cross entropy
p = torch.sigmoid(r(4, 3))
p[0, 0], p[0, 1], p[1, 0] = 0.0, 1.0, 1.0
tb = (torch.rand(4, 3) > 0.5).float()
tb[0, 0], tb[0, 1], tb[1, 0] = 1.0, 0.0, 1.0
tsoft = torch.rand(4, 3)
for red in ['mean', 'sum', 'none']:
    lc.add('bce_weight_' + red, 'binary_cross_entropy', lambda input, target, weight, red=red: F.binary_cross_entropy(input, target, weight=weight, reduction=red),
           {'input': torch.sigmoid(r(4, 3)), 'target': tsoft, 'weight': torch.rand(3)}, {'reduction': red}, grad=['input', 'target'])
    lc.add('bce_logits_weights_' + red, 'binary_cross_entropy_with_logits',
           lambda input, target, weight, pos_weight, red=red: F.binary_cross_entropy_with_logits(input, target, weight=weight, pos_weight=pos_weight, reduction=red),
           {'input': r(4, 3) * 3, 'target': tsoft, 'weight': torch.rand(4, 1), 'pos_weight': torch.rand(3) * 2}, {'reduction': red}, grad=['input', 'target'])
lc.add('bce_clamped', 'binary_cross_entropy', lambda input, target: F.binary_cross_entropy(input, target, reduction='none'),
       {'input': p, 'target': tb}, {'reduction': 'none'}, grad=[])

# kl div
lp = F.log_softmax(r(3, 4), 1)
tp = F.softmax(r(3, 4), 1)
tp[0, 1] = 0.0
for red in ['mean', 'sum', 'none', 'batchmean']:
    lc.add('kl_div_' + red, 'kl_div', lambda input, target, red=red: F.kl_div(input, target, reduction=red), {'input': lp, 'target': tp}, {'reduction': red}, grad=['input'])
    lc.add('kl_div_log_target_' + red, 'kl_div', lambda input, target, red=red: F.kl_div(input, target, reduction=red, log_target=True),
           {'input': lp, 'target': F.log_softmax(r(3, 4), 1)}, {'reduction': red, 'log_target': True})
lc.add('kl_div_target_grad', 'kl_div', lambda input, target: F.kl_div(input, target, reduction='sum'), {'input': lp, 'target': F.softmax(r(3, 4), 1)}, {'reduction': 'sum'})

# margin and embedding losses
pm = torch.tensor([1.0, -1.0, 1.0, -1.0, 1.0, -1.0])
for red in ['mean', 'sum', 'none']:
    lc.add('margin_ranking_' + red, 'margin_ranking_loss', lambda input1, input2, target, red=red: F.margin_ranking_loss(input1, input2, target, margin=0.3, reduction=red),
           {'input1': r(6), 'input2': r(6), 'target': pm * torch.rand(6)}, {'margin': 0.3, 'reduction': red})
    lc.add('hinge_embedding_' + red, 'hinge_embedding_loss', lambda input, target, red=red: F.hinge_embedding_loss(input, target, margin=0.8, reduction=red),
           {'input': r(2, 6), 'target': torch.stack([pm, -pm])}, {'margin': 0.8, 'reduction': red}, grad=['input'])
    lc.add('cosine_embedding_' + red, 'cosine_embedding_loss', lambda input1, input2, target, red=red: F.cosine_embedding_loss(input1, input2, target, margin=-0.2, reduction=red),
           {'input1': r(6, 4), 'input2': r(6, 4), 'target': pm}, {'margin': -0.2, 'reduction': red}, grad=['input1', 'input2'])
    lc.add('soft_margin_' + red, 'soft_margin_loss', lambda input, target, red=red: F.soft_margin_loss(input, target, reduction=red),
           {'input': r(2, 6) * 2, 'target': torch.stack([pm, -pm])}, {'reduction': red}, grad=['input'])
    lc.add('multilabel_soft_margin_' + red, 'multilabel_soft_margin_loss', lambda input, target, weight, red=red: F.multilabel_soft_margin_loss(input, target, weight=weight, reduction=red),
           {'input': r(4, 5), 'target': torch.rand(4, 5), 'weight': torch.rand(5)}, {'reduction': red})
    lc.add('triplet_' + red, 'triplet_margin_loss', lambda anchor, positive, negative, red=red: F.triplet_margin_loss(anchor, positive, negative, margin=1.0, reduction=red),
           {'anchor': r(5, 4), 'positive': r(5, 4), 'negative': r(5, 4)}, {'margin': 1.0, 'reduction': red})
lc.add('hinge_embedding_other_targets', 'hinge_embedding_loss', lambda input, target: F.hinge_embedding_loss(input, target),
       {'input': r(5), 'target': torch.tensor([1.0, -1.0, 0.0, 2.0, -1.0])}, {'margin': 1.0, 'reduction': 'mean'}, grad=['input'])
lc.add('cosine_embedding_1d', 'cosine_embedding_loss', lambda input1, input2, target: F.cosine_embedding_loss(input1, input2, target, margin=0.1),
       {'input1': r(4), 'input2': r(4), 'target': torch.tensor(-1.0)}, {'margin': 0.1, 'reduction': 'mean'}, grad=['input1', 'input2'])
lc.add('triplet_swap_p1', 'triplet_margin_loss', lambda anchor, positive, negative: F.triplet_margin_loss(anchor, positive, negative, margin=2.0, p=1.0, swap=True),
       {'anchor': r(5, 4), 'positive': r(5, 4), 'negative': r(5, 4)}, {'margin': 2.0, 'p': 1, 'swap': True})
lc.add('triplet_1d', 'triplet_margin_loss', lambda anchor, positive, negative: F.triplet_margin_loss(anchor, positive, negative, margin=3.0),
       {'anchor': r(4), 'positive': r(4), 'negative': r(4)}, {'margin': 3.0})

# poisson and gaussian nll
for red in ['mean', 'sum', 'none']:
    lc.add('poisson_log_' + red, 'poisson_nll_loss', lambda input, target, red=red: F.poisson_nll_loss(input, target, reduction=red),
           {'input': r(3, 4), 'target': torch.poisson(torch.rand(3, 4) * 4)}, {'log_input': True, 'reduction': red})
    lc.add('gaussian_' + red, 'gaussian_nll_loss', lambda input, target, var, red=red: F.gaussian_nll_loss(input, target, var, reduction=red),
           {'input': r(3, 4), 'target': r(3, 4), 'var': torch.rand(3, 4) + 0.1}, {'reduction': red}, grad=['input', 'target', 'var'])
lc.add('poisson_full_nolog', 'poisson_nll_loss', lambda input, target: F.poisson_nll_loss(input, target, log_input=False, full=True),
       {'input': torch.rand(3, 4) * 3 + 0.1, 'target': torch.tensor([[0., 1., 2., 5.], [3., 0., 7., 1.], [2., 2., 9., 4.]])}, {'log_input': False, 'full': True})
lc.add('gaussian_full_var_shapes', 'gaussian_nll_loss', lambda input, target, var: F.gaussian_nll_loss(input, target, var, full=True, eps=1e-3),
       {'input': r(3, 4), 'target': r(3, 4), 'var': torch.tensor([0.5, 0.0005, 2.0])}, {'full': True, 'eps': 1e-3}, grad=['input', 'var'])
lc.add('gaussian_var_last1', 'gaussian_nll_loss', lambda input, target, var: F.gaussian_nll_loss(input, target, var, reduction='sum'),
       {'input': r(3, 4), 'target': r(3, 4), 'var': torch.rand(3, 1) + 0.2}, {'reduction': 'sum'}, grad=['input', 'var'])

lc.write(os.path.join(HERE, 'torch-losses.json'))
print('functional cases:', len(fn_cases.cases), 'loss cases:', len(lc.cases))
