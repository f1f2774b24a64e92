/**
 * Moderation and automation pages: the report button on a program page, the reviewers' abuse reports queue with its
 * resolve actions, and the developer's API keys and webhooks (each secret shown once, with a copy button).
 */
import {h, fill} from '../dom.js';
import {t, label, dateTime} from '../i18n.js';
import {graphql} from '../api.js';
import {field, checkboxes, checked, formStatus, submitting, select} from '../forms.js';
import {heading} from '../widgets.js';

export const REPORT_REASONS = ['MALWARE', 'FRAUD', 'ILLEGAL', 'PRIVACY', 'IMPERSONATION', 'OTHER'];
const SCOPES = ['UPLOAD_PACKAGE', 'SUBMIT_VERSION', 'READ'];
const EVENTS = ['VERSION_SUBMITTED', 'CHECKS_FINISHED', 'VERSION_APPROVED', 'VERSION_REJECTED',
                'INFORMATION_REQUESTED', 'VERSION_RELEASED', 'REVIEW_ESCALATED', 'PROGRAM_SUSPENDED',
                'PROGRAM_REINSTATED'];
const REPORT_FIELDS = 'id miniProgramId reporterId reason text status resolutionComment resolvedBy reportedAt reporters';
const REPORT = `mutation reportMiniProgram($input: ReportMiniProgramInput!) {
  reportMiniProgram(input: $input) { ${REPORT_FIELDS} } }`;
const REPORTS = `query abuseReports($status: ReportStatus) { abuseReports(status: $status, first: 50) {
  totalCount edges { node { ${REPORT_FIELDS} } } } }`;
const RESOLVE = `mutation resolveAbuseReport($id: ID!, $action: ReportAction!, $comment: String) {
  resolveAbuseReport(id: $id, action: $action, comment: $comment) { ${REPORT_FIELDS} } }`;
const KEY_FIELDS = 'id name scopes createdAt expiresAt revokedAt lastUsedAt';
const CREATE_KEY = `mutation createApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  key apiKey { ${KEY_FIELDS} } } }`;
const REVOKE_KEY = `mutation revokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }`;
const CREATE_HOOK = `mutation createWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) {
  secret webhook { id url events createdAt } } }`;
const DELETE_HOOK = `mutation deleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }`;

/** "Report this program": opens a form; the report is sent only after the reporter confirms it. */
export function reportControls(program) {
  const place = h('section', {id: 'report', 'aria-labelledby': 'report-title'});
  const open = () => {
    const form = h('form', {id: 'report-form', class: 'card-form', onsubmit: async e => {
      e.preventDefault();
      if (!form.dataset.confirming) {
        form.dataset.confirming = 'yes';
        form.querySelector('#report-send').textContent = t('report.confirm');
        form.querySelector('.form-status').textContent = t('report.sure');
        return;
      }
      const report = await submitting(form, () => graphql(REPORT, {input: {
        miniProgramId: program.id, reason: form.elements.reason.value, text: form.elements.text.value || null,
      }}).then(d => d.reportMiniProgram), t('report.sent'));
      delete form.dataset.confirming;
      form.querySelector('#report-send').textContent = t('report.send');
      if (report) form.querySelector('.form-status').id = 'report-sent';
    }},
    field('reason', t('report.reason'), select('reportReason', REPORT_REASONS, 'FRAUD', {id: 'report-reason'})),
    field('text', t('report.text'), h('textarea', {id: 'report-text', rows: 3, maxlength: 2000})),
    h('button', {type: 'submit', id: 'report-send'}, t('report.send')), formStatus());
    fill(place, h('h2', {id: 'report-title'}, t('report.title')), form);
    form.querySelector('select').focus();
  };
  fill(place, h('button', {type: 'button', id: 'report-open', class: 'secondary', onclick: open},
                t('report.open')));
  return place;
}

/** The reviewers' abuse reports, the programs most users reported first; each open one can be resolved here. */
export async function reportsPage(main) {
  const list = h('ol', {id: 'abuse-reports', class: 'cards'});
  fill(main, heading(t('reports.title')), h('p', {}, t('reports.explain')), list);
  const reports = (await graphql(REPORTS, {status: 'OPEN'})).abuseReports.edges.map(e => e.node);
  fill(list, reports.length ? reports.map(r => reportItem(r)) : h('li', {class: 'note', id: 'no-reports'},
                                                                    t('reports.none')));
}

function reportItem(report) {
  const item = h('li', {class: 'card', 'data-report': report.id});
  const form = h('form', {class: 'inline', onsubmit: e => e.preventDefault()},
                 field('comment', t('reports.comment'), h('input', {type: 'text', maxlength: 2000})),
                 ['DISMISS', 'SUSPEND_PROGRAM'].map(action => h('button', {
                   type: 'button', class: action === 'DISMISS' ? 'secondary' : null, 'data-action': action,
                   onclick: async () => {
                     const done = await submitting(form, () => graphql(RESOLVE, {
                       id: report.id, action, comment: form.elements.comment.value || null,
                     }).then(d => d.resolveAbuseReport));
                     if (done) show(done);
                   }}, label('reportAction', action))),
                 formStatus());
  const show = current => fill(item,
    h('p', {}, h('a', {href: `#/program/${encodeURIComponent(current.miniProgramId)}`}, current.miniProgramId)),
    h('p', {class: 'meta'}, label('reportReason', current.reason), ' · ',
      t('reports.reporters', {count: current.reporters}), ' · ', t('reports.by', {user: current.reporterId}),
      ' · ', dateTime(current.reportedAt)),
    current.text ? h('p', {}, current.text) : null,
    h('p', {class: 'status', 'data-status': current.status}, label('reportStatus', current.status)),
    current.status === 'OPEN' ? form : null);
  show(report);
  return item;
}

/** The developer's API keys and webhooks. */
export async function automationPage(main) {
  const keys = h('ul', {id: 'api-keys', class: 'cards'});
  const hooks = h('ul', {id: 'webhooks', class: 'cards'});
  const refresh = async () => {
    const data = await graphql(`query automation { apiKeys { ${KEY_FIELDS} } webhooks { id url events createdAt } }`);
    fill(keys, data.apiKeys.length ? data.apiKeys.map(k => keyItem(k, refresh)) : h('li', {class: 'note'},
                                                                                     t('keys.none')));
    fill(hooks, data.webhooks.length ? data.webhooks.map(w => hookItem(w, refresh)) : h('li', {class: 'note'},
                                                                                         t('hooks.none')));
  };
  const revealed = h('div', {id: 'secret-once', 'aria-live': 'polite'});
  const keyForm = h('form', {id: 'key-form', class: 'card-form', onsubmit: async e => {
    e.preventDefault();
    const created = await submitting(keyForm, () => graphql(CREATE_KEY, {input: {
      name: keyForm.elements['input.name'].value, scopes: checked(keyForm, 'input.scopes'),
    }}).then(d => d.createApiKey));
    if (created) {
      reveal(revealed, t('keys.shownOnce'), created.key);
      await refresh();
    }
  }}, field('input.name', t('keys.name'), h('input', {type: 'text', id: 'key-name', maxlength: 100})),
  checkboxes('input.scopes', t('keys.scopes'), 'apiKeyScope', SCOPES, ['SUBMIT_VERSION', 'READ']),
  h('button', {type: 'submit', id: 'key-create'}, t('keys.create')), formStatus());
  const hookForm = h('form', {id: 'hook-form', class: 'card-form', onsubmit: async e => {
    e.preventDefault();
    const created = await submitting(hookForm, () => graphql(CREATE_HOOK, {input: {
      url: hookForm.elements['input.url'].value, events: checked(hookForm, 'input.events'),
    }}).then(d => d.createWebhook));
    if (created) {
      reveal(revealed, t('hooks.shownOnce'), created.secret);
      await refresh();
    }
  }}, field('input.url', t('hooks.url'), h('input', {type: 'url', id: 'hook-url', maxlength: 2048})),
  checkboxes('input.events', t('hooks.events'), 'webhookEvent', EVENTS, ['VERSION_APPROVED', 'VERSION_REJECTED']),
  h('button', {type: 'submit', id: 'hook-create'}, t('hooks.create')), formStatus());
  fill(main, heading(t('automation.title')), revealed,
       h('section', {'aria-labelledby': 'keys-title'}, h('h2', {id: 'keys-title'}, t('keys.title')),
         h('p', {}, t('keys.explain')), keys, keyForm),
       h('section', {'aria-labelledby': 'hooks-title'}, h('h2', {id: 'hooks-title'}, t('hooks.title')),
         h('p', {}, t('hooks.explain')), hooks, hookForm));
  await refresh();
}

/** A secret the API shows once: a read-only field to select and a button that copies it. */
function reveal(place, explanation, secret) {
  const value = h('input', {type: 'text', id: 'secret-value', readonly: true, value: secret, size: 64,
                            'aria-label': explanation});
  const status = h('span', {role: 'status', id: 'secret-copied'});
  fill(place, h('div', {class: 'card secret'}, h('p', {}, h('strong', {}, explanation)), value,
                h('button', {type: 'button', id: 'secret-copy', onclick: async () => {
                  value.select();
                  try {
                    await navigator.clipboard.writeText(secret);
                  } catch (e) {
                    document.execCommand('copy');
                  }
                  status.textContent = t('secret.copied');
                }}, t('secret.copy')), status));
}

function keyItem(key, refresh) {
  const form = h('form', {class: 'inline', onsubmit: e => e.preventDefault()},
                 key.revokedAt ? null : h('button', {type: 'button', class: 'secondary', 'data-revoke': key.id,
                   onclick: async () => {
                     if (await submitting(form, () => graphql(REVOKE_KEY, {id: key.id}))) await refresh();
                   }}, t('keys.revoke')), formStatus());
  return h('li', {class: 'card', 'data-key': key.id},
           h('p', {}, h('strong', {}, key.name), ' ', h('code', {}, key.id)),
           h('p', {class: 'meta'}, key.scopes.map(s => label('apiKeyScope', s)).join(', ')),
           h('p', {class: 'meta', 'data-last-used': key.id}, key.lastUsedAt
             ? t('keys.lastUsed', {at: dateTime(key.lastUsedAt)}) : t('keys.neverUsed')),
           key.revokedAt ? h('p', {class: 'status', 'data-revoked': key.id},
                             t('keys.revoked', {at: dateTime(key.revokedAt)})) : null,
           form);
}

function hookItem(hook, refresh) {
  const form = h('form', {class: 'inline', onsubmit: e => e.preventDefault()},
                 h('button', {type: 'button', class: 'secondary', 'data-delete': hook.id, onclick: async () => {
                   if (await submitting(form, () => graphql(DELETE_HOOK, {id: hook.id}))) await refresh();
                 }}, t('hooks.delete')), formStatus());
  return h('li', {class: 'card', 'data-hook': hook.id}, h('p', {}, h('code', {}, hook.url)),
           h('p', {class: 'meta'}, hook.events.map(e => label('webhookEvent', e)).join(', ')), form);
}

const MESSAGES = 'conversation { author role text at }';
const ASK = `mutation requestInformation($versionId: ID!, $text: String!) {
  requestInformation(versionId: $versionId, text: $text) { id number status ${MESSAGES} } }`;
const ANSWER = `mutation answerReview($versionId: ID!, $text: String!) {
  answerReview(versionId: $versionId, text: $text) { id number status ${MESSAGES} } }`;
const CANNED = `query cannedResponses { cannedResponses { id reason title text } }`;
export const CONVERSATION_FIELDS = MESSAGES;

/** A version's review conversation, oldest first. */
export function conversationList(messages) {
  return h('section', {'aria-labelledby': 'conversation-title'},
           h('h2', {id: 'conversation-title'}, t('conversation.title')),
           h('ol', {id: 'conversation', class: 'conversation'}, (messages || []).length
             ? messages.map(m => h('li', {'data-role': m.role},
                                   h('p', {class: 'meta'}, t(`conversation.${m.role}`, {user: m.author}), ' · ',
                                     dateTime(m.at)),
                                   h('p', {}, m.text)))
             : h('li', {class: 'note'}, t('conversation.none'))));
}

/**
 * The reviewer's templates as a picker that fills {@code target}; templates without a reason are questions, the
 * others rejection comments. Empty when the reviewer has none.
 */
export async function cannedPicker(target, forQuestions) {
  const all = (await graphql(CANNED)).cannedResponses.filter(c => (c.reason === null) === forQuestions);
  if (!all.length) return null;
  const picker = h('select', {class: 'canned', onchange: () => {
    const chosen = all.find(c => c.id === picker.value);
    if (chosen) target.value = chosen.text;
  }}, h('option', {value: ''}, t('canned.pick')), all.map(c => h('option', {value: c.id}, c.title)));
  return field('canned', t('canned.label'), picker);
}

/** The reviewer asks the developer a question; the version then waits for the answer. */
export async function askForm(version, onAsked) {
  const text = h('textarea', {id: 'ask-text', rows: 3, maxlength: 2000});
  const form = h('form', {id: 'ask-form', class: 'card-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const asked = await submitting(form, () => graphql(ASK, {versionId: version.id, text: text.value})
      .then(d => d.requestInformation), t('conversation.asked'));
    if (asked) onAsked(asked);
  }}, h('h2', {}, t('conversation.ask')), await cannedPicker(text, true), field('text', t('conversation.question'), text),
  h('button', {type: 'submit', id: 'ask'}, t('conversation.send')), formStatus());
  return form;
}

/** The developer's answer to the reviewer's question, under the conversation so far. */
export function answerForm(version, onAnswered) {
  const text = h('textarea', {rows: 3, maxlength: 2000, class: 'answer-text'});
  const form = h('form', {class: 'answer-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const answered = await submitting(form, () => graphql(ANSWER, {versionId: version.id, text: text.value})
      .then(d => d.answerReview), t('conversation.answered'));
    if (answered) onAnswered(answered);
  }}, (version.conversation || []).map(m => h('p', {class: 'question', 'data-role': m.role},
                                               `${m.author}: ${m.text}`)),
  field('text', t('conversation.answer'), text),
  h('button', {type: 'submit', class: 'answer'}, t('conversation.send')), formStatus());
  return form;
}
