/*
 * guidegraph — "help me decide" wizard.
 *
 * Progressively enhances the markup org.guidegraph.diagram.WizardMarkup writes: without this script every question
 * and outcome is a section and the options are links between their anchors; with it, one step shows at a time, the
 * options become buttons, and Back / Start over appear.
 *
 * - The path so far lives in the URL hash as option slugs, e.g. #path=yes/no/helm-based, so a bookmarked or shared
 *   URL opens on the same step, and the browser's Back button steps back too. A hash naming a step's anchor
 *   (#o-llm-d) opens that step by its first path from the start.
 * - After each move, focus goes to the new step's heading and a polite live region says what happened.
 * - No framework, no requests: works from file://. ES5, so it runs wherever the site is read.
 * - One wizard per page uses the hash; further wizards on the same page keep their path in memory.
 */
(function () {
  'use strict';

  var HASH_KEY = 'path=';
  var LABELS = {
    back: 'Back',
    restart: 'Start over',
    answers: 'Your answers',
    answered: 'Answered',
    question: 'Question',
    recommendation: 'Recommendation'
  };

  function label(root, name) {
    return root.getAttribute('data-gg-label-' + name) || LABELS[name];
  }

  function text(el) {
    return (el.textContent || '').replace(/\s+/g, ' ').replace(/^ | $/g, '');
  }

  function make(tag, className, content) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (content) {
      el.appendChild(document.createTextNode(content));
    }
    return el;
  }

  /* Hidden from sight, not from screen readers; set inline so the wizard needs no stylesheet. */
  function visuallyHidden(el) {
    var s = el.style;
    s.position = 'absolute';
    s.width = '1px';
    s.height = '1px';
    s.margin = '-1px';
    s.padding = '0';
    s.overflow = 'hidden';
    s.clip = 'rect(0 0 0 0)';
    s.whiteSpace = 'nowrap';
    s.border = '0';
  }

  function Wizard(root, usesHash) {
    this.root = root;
    this.usesHash = usesHash;
    this.start = root.getAttribute('data-gg-start');
    this.steps = {};
    this.path = [];
    this.collect();
    if (!this.steps[this.start]) {
      return; // not markup we know: leave the links as they are
    }
    this.enhance();
    var self = this;
    if (usesHash) {
      window.addEventListener('hashchange', function () {
        var path = self.pathFromHash();
        if (path && path.join('/') !== self.path.join('/')) {
          self.go(path, true, null);
        }
      });
    }
    this.go((usesHash && this.pathFromHash()) || [], false, null);
    this.replaceHashIfNeeded();
  }

  /* Reads the steps: every section with an id, each question's options as {slug, target, label}. */
  Wizard.prototype.collect = function () {
    var sections = this.root.querySelectorAll('.gg-wizard-step');
    for (var i = 0; i < sections.length; i++) {
      var el = sections[i];
      var options = [];
      var links = el.querySelectorAll('a.gg-wizard-option');
      for (var j = 0; j < links.length; j++) {
        var href = links[j].getAttribute('href') || '';
        options.push({
          slug: links[j].getAttribute('data-gg-option'),
          target: href.charAt(0) === '#' ? href.substring(1) : href,
          label: text(links[j]),
          link: links[j]
        });
      }
      this.steps[el.id] = {
        el: el,
        heading: el.querySelector('#' + el.id + '-title') || el.querySelector('h1, h2, h3, h4, h5, h6'),
        options: options,
        isOutcome: /\bgg-wizard-outcome\b/.test(el.className)
      };
    }
  };

  /* Options become buttons; Back, Start over, the answers so far and a live region are added. */
  Wizard.prototype.enhance = function () {
    var self = this;
    var root = this.root;
    Object.keys(this.steps).forEach(function (id) {
      self.steps[id].options.forEach(function (option) {
        var button = make('button', 'gg-wizard-option');
        button.type = 'button';
        button.setAttribute('data-gg-option', option.slug);
        while (option.link.firstChild) {
          button.appendChild(option.link.firstChild);
        }
        button.addEventListener('click', function () {
          self.go(self.path.concat([option.slug]), true, option.label);
        });
        option.link.parentNode.replaceChild(button, option.link);
        option.button = button;
      });
      var restarts = self.steps[id].el.querySelectorAll('[data-gg-restart]');
      for (var i = 0; i < restarts.length; i++) {
        // the toolbar's Start over replaces the outcome's own link
        var holder = restarts[i].parentNode.className === 'gg-wizard-restart' ? restarts[i].parentNode : restarts[i];
        holder.hidden = true;
      }
    });

    this.live = make('p', 'gg-wizard-live');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    visuallyHidden(this.live);

    this.trail = make('ol', 'gg-wizard-trail');
    this.trail.setAttribute('aria-label', label(root, 'answers'));

    this.nav = make('div', 'gg-wizard-nav');
    this.backButton = make('button', 'gg-wizard-back', label(root, 'back'));
    this.backButton.type = 'button';
    this.restartButton = make('button', 'gg-wizard-startover', label(root, 'restart'));
    this.restartButton.type = 'button';
    this.nav.appendChild(this.backButton);
    this.nav.appendChild(document.createTextNode(' '));
    this.nav.appendChild(this.restartButton);
    this.backButton.addEventListener('click', function () {
      self.go(self.path.slice(0, -1), true, null);
    });
    this.restartButton.addEventListener('click', function () {
      self.go([], true, null);
    });

    root.insertBefore(this.trail, root.firstChild);
    root.insertBefore(this.live, root.firstChild);
    root.appendChild(this.nav);
    root.className += ' gg-wizard--enhanced';
    root.setAttribute('data-gg-enhanced', '');
  };

  /* Follows option slugs from the start; stops at the first slug that is not an option of the step reached. */
  Wizard.prototype.walk = function (path) {
    var id = this.start;
    var taken = [];
    var answers = [];
    for (var i = 0; i < path.length; i++) {
      var step = this.steps[id];
      var next = null;
      for (var j = 0; step && j < step.options.length; j++) {
        if (step.options[j].slug === path[i]) {
          next = step.options[j];
        }
      }
      if (!next || !this.steps[next.target]) {
        break;
      }
      answers.push({ question: text(step.heading), answer: next.label });
      taken.push(path[i]);
      id = next.target;
    }
    return { id: id, path: taken, answers: answers };
  };

  /* The first path (breadth-first, options in order) from the start to a step. */
  Wizard.prototype.pathTo = function (target) {
    var queue = [{ id: this.start, path: [] }];
    var seen = {};
    seen[this.start] = true;
    while (queue.length) {
      var at = queue.shift();
      if (at.id === target) {
        return at.path;
      }
      var options = this.steps[at.id] ? this.steps[at.id].options : [];
      for (var i = 0; i < options.length; i++) {
        if (!seen[options[i].target]) {
          seen[options[i].target] = true;
          queue.push({ id: options[i].target, path: at.path.concat([options[i].slug]) });
        }
      }
    }
    return null;
  };

  /* The path the URL asks for, or null when the hash is not ours (another anchor on the page). */
  Wizard.prototype.pathFromHash = function () {
    var hash = window.location.hash.replace(/^#/, '');
    if (hash.indexOf(HASH_KEY) === 0) {
      var raw = hash.substring(HASH_KEY.length);
      try {
        raw = decodeURIComponent(raw);
      } catch (e) {
        // keep it as written
      }
      return raw.split('/').filter(function (s) { return s.length > 0; });
    }
    if (hash && this.steps[hash]) {
      return this.pathTo(hash);
    }
    return null;
  };

  Wizard.prototype.hashFor = function (path) {
    return '#' + HASH_KEY + path.map(encodeURIComponent).join('/');
  };

  /* A hash naming a step, or a path with unknown slugs, is rewritten to the path shown (no new history entry). */
  Wizard.prototype.replaceHashIfNeeded = function () {
    if (!this.usesHash || this.pathFromHash() === null) {
      return;
    }
    var wanted = this.hashFor(this.path);
    if (window.location.hash !== wanted) {
      window.location.replace(wanted);
    }
  };

  /*
   * Shows the step a path leads to. moved: the reader acted (focus the heading, announce the step, record the
   * path in the URL); answer: the option just chosen, for the announcement.
   */
  Wizard.prototype.go = function (path, moved, answer) {
    var walked = this.walk(path);
    this.path = walked.path;
    var self = this;
    Object.keys(this.steps).forEach(function (id) {
      self.steps[id].el.hidden = id !== walked.id;
    });
    var current = this.steps[walked.id];

    while (this.trail.firstChild) {
      this.trail.removeChild(this.trail.firstChild);
    }
    walked.answers.forEach(function (a) {
      var li = make('li', null, a.question + ' ');
      li.appendChild(make('strong', null, a.answer));
      self.trail.appendChild(li);
    });
    this.trail.hidden = walked.answers.length === 0;

    var atStart = this.path.length === 0;
    this.backButton.disabled = atStart;
    this.restartButton.disabled = atStart;

    if (moved) {
      if (this.usesHash) {
        var hash = this.hashFor(this.path);
        if (window.location.hash !== hash) {
          window.location.hash = hash;
        }
      }
      var what = current.isOutcome ? label(this.root, 'recommendation')
        : label(this.root, 'question') + ' ' + (this.path.length + 1);
      this.live.textContent = (answer ? label(this.root, 'answered') + ' ' + answer + '. ' : '')
        + what + ': ' + text(current.heading);
      if (current.heading) {
        current.heading.focus();
      }
    }
  };

  function init() {
    var roots = document.querySelectorAll('[data-gg-wizard]');
    for (var i = 0; i < roots.length; i++) {
      if (!roots[i].hasAttribute('data-gg-enhanced')) {
        new Wizard(roots[i], i === 0); // eslint-disable-line no-new
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
