// The explorer page: plain JavaScript over the public API, nothing the API does not offer to any client.
'use strict';

const RMSE_HEADER = 'X-Surrogate-Rmse';
const state = { functions: [], problems: [], kinds: [] };
const $ = (id) => document.getElementById(id);

/** An API answer that was not 2xx: its status and, when there is one, its problem+json body. */
class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

async function call(method, path, body, accept = 'application/json, image/png, image/gif') {
  const headers = { Accept: accept };
  const token = $('token').value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, problem, path);
  }
  return response;
}

const getJson = async (path) => (await call('GET', path)).json();
const postJson = async (path, body) => (await call('POST', path, body)).json();

/**
 * POSTs asking for progress (Accept: application/x-ndjson), hands every progress line to onLine as
 * it arrives, and returns the result line's response, which is the plain JSON answer.
 */
async function postWithProgress(path, body, onLine) {
  const response = await call('POST', path, body, 'application/x-ndjson');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let outcome = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (line.type === 'result' || line.type === 'error') outcome = line;
      else onLine(line);
    }
  }
  if (!outcome) throw new Error('the progress stream ended before its result.');
  if (outcome.type === 'error') throw new ApiError(outcome.problem?.status ?? 400, outcome.problem, path);
  return outcome.result;
}

/** The best value so far against evaluations, redrawn as lines arrive: a plain canvas line chart. */
function drawBestSoFar(canvas, best, budget) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  const margin = 8;
  context.clearRect(0, 0, width, height);
  context.strokeStyle = '#d5dae3';
  context.strokeRect(0.5, 0.5, width - 1, height - 1);
  const known = best.filter((v) => v !== null);
  if (known.length === 0) return;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const span = high > low ? high - low : 1;
  const x = (k) => margin + ((width - 2 * margin) * k) / Math.max(1, budget - 1);
  const y = (v) => height - margin - ((height - 2 * margin) * (v - low)) / span;
  context.strokeStyle = '#2a5bd7';
  context.lineWidth = 2;
  context.beginPath();
  let started = false;
  best.forEach((v, k) => {
    if (v === null) return;
    if (started) context.lineTo(x(k), y(v)); else context.moveTo(x(k), y(v));
    started = true;
  });
  context.stroke();
}

function showErrors(container, error) {
  container.replaceChildren();
  if (!error) return;
  const heading = document.createElement('strong');
  const list = document.createElement('ul');
  if (error instanceof ApiError && error.status === 401) {
    heading.textContent = 'The service asks for a bearer token: sign in or paste one in the field at the top.';
  } else if (error instanceof ApiError && error.status === 403) {
    heading.textContent = 'The token is valid but lacks the Surrogates.Invoke permission.';
  } else if (error instanceof ApiError) {
    heading.textContent = `${error.message} (HTTP ${error.status})`;
    for (const [field, messages] of Object.entries(error.problem?.errors ?? {})) {
      const item = document.createElement('li');
      item.textContent = `${field}: ${messages.join(' ')}`;
      list.append(item);
    }
  } else {
    heading.textContent = `The request failed: ${error.message}`;
  }
  container.append(heading);
  if (list.childElementCount) container.append(list);
}

/** Runs one action with its button disabled and its status line and error box kept up to date. */
async function busy(button, statusId, errorsId, working, action) {
  const status = $(statusId);
  button.disabled = true;
  button.closest('section').setAttribute('aria-busy', 'true');
  status.textContent = working;
  showErrors($(errorsId), null);
  try {
    status.textContent = await action();
  } catch (error) {
    status.textContent = 'Failed.';
    showErrors($(errorsId), error);
  } finally {
    button.disabled = false;
    button.closest('section').removeAttribute('aria-busy');
  }
}

function showImage(prefix, blob, alt, caption) {
  const image = $(`${prefix}-image`);
  if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
  image.src = URL.createObjectURL(blob);
  image.alt = alt;
  $(`${prefix}-caption`).textContent = caption;
  $(`${prefix}-figure`).hidden = false;
}

function fillSelect(select, items, preferred, describe = (item) => item.name) {
  select.replaceChildren(...items.map((item) => new Option(describe(item), item.name)));
  if (items.some((item) => item.name === preferred)) select.value = preferred;
}

const selectedFunction = () => state.functions.find((f) => f.name === $('function').value);
const selectedKind = () => state.kinds.find((k) => k.name === $('kind').value);

/** One labelled input per option of the kind, set to its default; "number | number[]" takes "1.5" or "1, 2". */
function renderKindOptions() {
  const kind = selectedKind();
  const container = $('kind-options');
  container.replaceChildren();
  $('kind-description').textContent = kind?.description ?? '';
  const standardError = $('standard-error');
  standardError.disabled = !kind?.hasStandardError;
  if (standardError.disabled) standardError.checked = false;
  for (const option of kind?.options ?? []) {
    const id = `option-${option.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = option.name;
    label.title = option.description;
    let input;
    if (option.type === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = option.default === true;
    } else if (option.type === 'string' && option.choices) {
      input = document.createElement('select');
      input.append(...option.choices.map((choice) => new Option(choice, choice)));
      input.value = option.default;
    } else {
      input = document.createElement('input');
      const numeric = option.type === 'number' || option.type === 'integer';
      input.type = numeric ? 'number' : 'text';
      if (numeric) input.step = option.type === 'integer' ? '1' : 'any';
      if (numeric && option.minimum != null) input.min = option.minimum;
      if (numeric && option.maximum != null) input.max = option.maximum;
      input.value = Array.isArray(option.default) ? option.default.join(', ') : String(option.default);
    }
    input.id = id;
    input.dataset.option = option.name;
    input.dataset.type = option.type;
    input.dataset.initial = input.type === 'checkbox' ? String(input.checked) : input.value;
    input.title = option.description;
    container.append(label, input);
  }
}

/** The options the user changed; the rest keep the kind's defaults on the server. */
function readKindOptions() {
  const options = {};
  for (const input of $('kind-options').querySelectorAll('[data-option]')) {
    const raw = input.type === 'checkbox' ? String(input.checked) : input.value.trim();
    if (raw === input.dataset.initial) continue;
    options[input.dataset.option] = parseOption(raw, input.dataset.type);
  }
  return options;
}

function parseOption(raw, type) {
  if (type === 'boolean') return raw === 'true';
  if (type === 'number' || type === 'integer') return Number(raw);
  if (type.endsWith('[]')) {
    const numbers = raw.split(',').map((part) => part.trim()).filter(Boolean).map(Number);
    if (type === 'integer[]' || numbers.length > 1) return numbers;
    if (numbers.length === 1 && !Number.isNaN(numbers[0])) return numbers[0];
  }
  return raw;
}

const intValue = (id) => Number.parseInt($(id).value, 10);

/** Samples the chosen function's domain and evaluates it there: the training data of a fit. */
async function design() {
  const fn = selectedFunction();
  const sample = await postJson('/v1/samples', {
    method: $('sampling-method').value,
    count: intValue('sample-count'),
    lowerBound: fn.lowerBound,
    upperBound: fn.upperBound,
    seed: intValue('sample-seed'),
  });
  const evaluated = await postJson(`/v1/functions/${encodeURIComponent(fn.name)}/evaluate`, { points: sample.points });
  return { fn, points: sample.points, values: evaluated.values };
}

async function fitAndPlot() {
  const { fn, points, values } = await design();
  const kind = $('kind').value;
  const response = await call('POST', '/v1/plots/surrogate', {
    fit: { kind, points, values, lowerBound: fn.lowerBound, upperBound: fn.upperBound, options: readKindOptions() },
    function: fn.name,
    includeStandardError: $('standard-error').checked,
  });
  const rmse = response.headers.get(RMSE_HEADER);
  const output = $('rmse');
  output.dataset.value = rmse ?? '';
  output.textContent = rmse ? Number(rmse).toPrecision(6) : '—';
  showImage('surrogate', await response.blob(),
    `Truth, ${kind} surrogate and absolute error of ${fn.name}, with the ${points.length} training points.`,
    `${kind} fitted to ${points.length} ${$('sampling-method').value} points of ${fn.name}.`);
  return `Fitted ${kind} to ${points.length} points.`;
}

async function plotFunction() {
  const fn = selectedFunction();
  const response = await call('POST', '/v1/plots/function', {
    function: fn.name,
    samples: { method: $('sampling-method').value, count: intValue('sample-count'), seed: intValue('sample-seed') },
  });
  $('rmse').textContent = '—';
  $('rmse').dataset.value = '';
  showImage('surrogate', await response.blob(), `${fn.name} with its sample points.`, `${fn.name}: ${fn.description}`);
  return `Plotted ${fn.name}.`;
}

/** The multi-objective problem chosen for a run, or null to run on the function chosen above. */
function selectedProblem() {
  const name = $('run-target').value;
  return name ? state.problems.find((p) => p.name === name) : null;
}

async function optimize() {
  const fn = selectedProblem() ?? selectedFunction();
  const several = fn.objectives > 1;
  const progress = $('optimization-progress');
  const curve = $('optimization-curve');
  const bestSoFar = [];
  progress.value = 0;
  progress.hidden = false;
  curve.hidden = false;
  drawBestSoFar(curve, bestSoFar, 1);
  let run;
  try {
    run = await postWithProgress('/v1/optimization/runs', {
      function: fn.name,
      strategy: $('strategy').value,
      initialSamples: { method: $('sampling-method').value, count: intValue('initial-count') },
      maxEvaluations: intValue('max-evaluations'),
      batchSize: intValue('batch-size'),
      seed: intValue('optimization-seed'),
    }, (line) => {
      progress.max = line.maxEvaluations;
      progress.value = line.evaluations;
      progress.textContent = `${line.evaluations} of ${line.maxEvaluations}`;
      bestSoFar.push(several ? line.hypervolume : line.bestSoFar);
      drawBestSoFar(curve, bestSoFar, line.maxEvaluations);
      $('optimization-status').textContent = `Evaluation ${line.evaluations} of ${line.maxEvaluations}…`;
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !error.problem?.errors) {
      throw new Error('this server has no optimisation endpoint (POST /v1/optimization/runs answered 404).');
    }
    throw error;
  }
  const response = await call('POST', '/v1/plots/optimization', { function: fn.name, trace: run.trace });
  if (several) {
    const front = run.paretoFront;
    showImage('optimization', await response.blob(),
      `Hypervolume so far against evaluations, and the ${run.evaluations} evaluations of ${fn.name} in objective space with the front found and the true front.`,
      `${$('strategy').value} on ${fn.name}: ${front.points.length} points on the front found, hypervolume ${front.hypervolume.toPrecision(6)} ` +
      `for reference point (${front.referencePoint.join(', ')}) after ${run.evaluations} evaluations.`);
    return `Front of ${front.points.length} points, hypervolume ${front.hypervolume.toPrecision(6)}.`;
  }
  const best = `f = ${run.best.value.toPrecision(6)} at (${run.best.point.map((x) => x.toPrecision(4)).join(', ')})`;
  showImage('optimization', await response.blob(),
    `Best value so far against evaluations, and the ${run.evaluations} evaluated points over ${fn.name}.`,
    `${$('strategy').value} on ${fn.name}: best ${best} after ${run.evaluations} evaluations.`);
  return `Best ${best}.`;
}

async function simulate() {
  let response;
  try {
    response = await call('POST', '/v1/simulations/acoustic2d', {
      nx: intValue('nx'), ny: intValue('ny'), steps: intValue('steps'), snapshotEvery: intValue('snapshot-every'), format: 'gif',
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !error.problem?.errors) {
      throw new Error('this server has no wave simulation endpoint (POST /v1/simulations/acoustic2d answered 404).');
    }
    throw error;
  }
  const frames = Math.floor(intValue('steps') / intValue('snapshot-every'));
  showImage('wave', await response.blob(),
    `Animated pressure field of a 2-D acoustic wave on a ${intValue('nx')} by ${intValue('ny')} grid.`,
    `${intValue('steps')} steps, about ${frames} frames.`);
  return 'Simulated.';
}

function wire(formId, buttonId, statusId, errorsId, working, action) {
  $(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    busy($(buttonId), statusId, errorsId, working, action);
  });
}

function wireForms() {
  wire('surrogate-form', 'fit-button', 'surrogate-status', 'surrogate-errors', 'Sampling, fitting and plotting…', fitAndPlot);
  wire('optimization-form', 'optimize-button', 'optimization-status', 'optimization-errors', 'Optimising…', optimize);
  wire('wave-form', 'wave-button', 'wave-status', 'wave-errors', 'Simulating…', simulate);
  $('function-button').addEventListener('click', () =>
    busy($('function-button'), 'surrogate-status', 'surrogate-errors', 'Plotting the function…', plotFunction));
  $('kind').addEventListener('change', renderKindOptions);
  // A multi-objective problem needs a multi-objective strategy and back: switch to the usual one.
  $('run-target').addEventListener('change', () => {
    const several = $('run-target').value !== '';
    if (several !== ['ehvi', 'parego'].includes($('strategy').value)) $('strategy').value = several ? 'ehvi' : 'ei';
  });
}

/** Fills the choices from the API; again after a token is pasted if the first load was refused. */
function loadChoices() {
  return busy($('fit-button'), 'surrogate-status', 'surrogate-errors', 'Loading functions, methods and kinds…', async () => {
    const [functions, methods, kinds] = await Promise.all([
      getJson('/v1/functions'), getJson('/v1/samples/methods'), getJson('/v1/surrogates')]);
    // The surrogate panel fits one continuous objective; constrained and mixed-input problems are
    // listed by the API but need their own views.
    state.functions = functions.filter((f) => f.objectives === 1 && f.constraints === 0 && !f.variables);
    // Multi-objective problems are offered for whole runs (ehvi, parego).
    state.problems = functions.filter((f) => f.objectives > 1 && f.constraints === 0 && !f.variables);
    const target = $('run-target');
    target.replaceChildren(target.options[0]);
    for (const p of state.problems) target.append(new Option(`${p.name} (${p.objectives} objectives, ${p.dimension}-D)`, p.name));
    state.kinds = kinds;
    fillSelect($('function'), state.functions, 'branin', (f) => `${f.name} (${f.dimension}-D)`);
    fillSelect($('sampling-method'), methods, 'sobol');
    fillSelect($('kind'), kinds, 'kriging');
    renderKindOptions();
    document.body.dataset.ready = 'true';
    return 'Ready.';
  });
}

document.addEventListener('DOMContentLoaded', () => {
  wireForms();
  loadChoices();
  $('token').addEventListener('change', () => { if (!state.kinds.length) loadChoices(); });
});
