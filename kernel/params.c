// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line, parsed once at boot into (name, value) pairs.
 * Every pair is offered to the __setup() handler registered for its name
 * (see <linux/init.h>). Nothing on the command line is ever fatal:
 *   - an unknown name is reported and ignored;
 *   - a value the handler rejects is reported, with what stays in force
 *     (setup_kept()), in one line; the handler must then have changed
 *     nothing -- a value is applied or rejected, never both.
 * Values may be quoted ("kunit.filter_glob=\"a b\"") as in Linux; spaces,
 * tabs and newlines separate words, as Linux's isspace() does.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/stdarg.h>
#include <asm/sections.h>
#include <kmaplab/multiboot.h>
#include <kmaplab/params.h>

/* Every word of the longest line takes 2 bytes at least ("a "): no limit
 * on the number of words can bite before the line's length does. */
#define MAX_PARAMS (sizeof(boot_command_line) / 2)

struct kernel_param_value {
	char *name;
	char *value;	/* NULL for a bare flag */
};

char boot_command_line[1024];
static char param_storage[1024];
static struct kernel_param_value params[MAX_PARAMS];
static unsigned int nr_params;
static char kept[96];		/* setup_kept()'s text for the current value */

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Split off the next word, honouring double quotes; NULL at the end. */
static char *next_word(char **cursor)
{
	char *s = skip_spaces(*cursor), *out = s, *start = s;
	bool quoted = false;

	if (!*s)
		return NULL;
	for (; *s && (quoted || !is_separator(*s)); s++) {
		if (*s == '"') {
			quoted = !quoted;
			continue;
		}
		*out++ = *s;
	}
	/* Linux lets an open quote run to the end; say so, it eats words */
	if (quoted)
		pr_warn("kmaplab: unbalanced \" in the command line: the quote runs to its end\n");
	*cursor = *s ? s + 1 : s;
	*out = '\0';
	return start;
}

/*
 * Called by a __setup() handler that rejects its value, before it
 * returns 0: what stays in force ("hz=250"), for the one-line report.
 */
void setup_kept(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(kept, sizeof(kept), fmt, ap);
	va_end(ap);
}

static const struct obs_kernel_param *find_setup(const char *name, bool has_value)
{
	const struct obs_kernel_param *p;
	size_t len = strlen(name);

	for (p = __setup_start; p < __setup_end; p++) {
		size_t plen = strlen(p->str);
		bool wants_value = plen && p->str[plen - 1] == '=';

		if (wants_value != has_value)
			continue;
		if (plen - wants_value == len && !strncmp(p->str, name, len))
			return p;
	}
	return NULL;
}

static void apply_param(struct kernel_param_value *kp)
{
	const struct obs_kernel_param *p = find_setup(kp->name, kp->value != NULL);

	if (!p) {
		pr_warn("kmaplab: unknown kernel command line parameter \"%s%s%s\", ignored\n",
			kp->name, kp->value ? "=" : "", kp->value ? kp->value : "");
		return;
	}
	kept[0] = '\0';
	if (!p->setup_func(kp->value ? kp->value : (char *)""))
		pr_warn("kmaplab: kernel parameter \"%s=%s\" rejected; kept %s\n",
			kp->name, kp->value ? kp->value : "",
			kept[0] ? kept : "the previous value");
}

/*
 * The loader puts the kernel's own path first ("/boot/kmaplab.elf" from
 * GRUB, "build/kmaplab.elf" from QEMU's -kernel): skip that word.
 */
static bool is_image_path(const char *w)
{
	return !strchr(w, '=') && (strchr(w, '/') || strstr(w, ".elf"));
}

void parse_kernel_params(const char *cmdline)
{
	char *cursor, *word;
	bool first = true;

	if (boot_cmdline_cut)
		pr_err("kmaplab: command line longer than %zu bytes: cut after \"...%s\", the rest is lost\n",
		       sizeof(boot_command_line) - 1,
		       cmdline + max_t(int, (int)strlen(cmdline) - 24, 0));
	strlcpy(boot_command_line, cmdline, sizeof(boot_command_line));
	strlcpy(param_storage, cmdline, sizeof(param_storage));
	cursor = param_storage;
	nr_params = 0;
	while ((word = next_word(&cursor))) {
		struct kernel_param_value *kp;
		char *eq;

		if (first && is_image_path(word)) {
			first = false;
			continue;
		}
		first = false;
		if (!strcmp(word, "--"))
			break;		/* the rest is init's argv (init/main.c) */
		if (nr_params == MAX_PARAMS) {
			pr_warn("kmaplab: more than %zu kernel parameters; \"%s\" and later ignored\n",
				MAX_PARAMS, word);
			break;
		}
		kp = &params[nr_params++];
		kp->name = word;
		eq = strchr(word, '=');
		kp->value = NULL;
		if (eq) {
			*eq = '\0';
			kp->value = eq + 1;
		}
		apply_param(kp);
	}
}

/* The value of a parameter as given ("" for a bare flag), or NULL. */
const char *cmdline_get(const char *name)
{
	int i;

	for (i = (int)nr_params - 1; i >= 0; i--)
		if (!strcmp(params[i].name, name))
			return params[i].value ? params[i].value : "";
	return NULL;
}
