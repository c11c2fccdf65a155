/* global document */
// Solves the report form's proof of work (see src/core/intake-guard.ts): finds a number n such
// that SHA-256("<token>:<n>") starts with the required zero bits, and adds it to the form.
// Without this script the form still works; the submission only counts more against the limit.
(function () {
  'use strict';
  var form = document.querySelector('form[data-pow-token]');
  if (!form || !globalThis.crypto || !globalThis.crypto.subtle) return;
  var token = form.getAttribute('data-pow-token');
  var bits = Number(form.getAttribute('data-pow-bits')) || 16;
  var encoder = new TextEncoder();
  var solution = null;
  var submitting = false;

  function leadingZeroBits(bytes) {
    var count = 0;
    for (var index = 0; index < bytes.length; index += 1) {
      if (bytes[index] === 0) {
        count += 8;
        continue;
      }
      return count + Math.clz32(bytes[index]) - 24;
    }
    return count;
  }

  async function solve() {
    for (var candidate = 0; candidate < 1e9; candidate += 1) {
      var digest = await globalThis.crypto.subtle.digest(
        'SHA-256',
        encoder.encode(token + ':' + candidate),
      );
      if (leadingZeroBits(new Uint8Array(digest)) >= bits) return String(candidate);
    }
    return null;
  }

  var solving = solve().then(function (found) {
    solution = found;
    if (found === null) return;
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'pow_solution';
    input.value = found;
    form.appendChild(input);
  });

  form.addEventListener('submit', function (event) {
    if (solution !== null || submitting) return;
    // Wait for the few hundred milliseconds still needed, then send the form as it was.
    event.preventDefault();
    submitting = true;
    solving.then(function () {
      form.submit();
    });
  });
})();
